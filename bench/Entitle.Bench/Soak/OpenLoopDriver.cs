using System.Diagnostics;

namespace Entitle.Bench.Soak;

/// <summary>
/// Starts request number <c>i</c> at <c>i / rate</c> seconds after the start, whatever the earlier requests' latency
/// (an open loop: a slow answer never holds the next request back, so queueing in the service shows as latency
/// instead of a lower rate). A request that starts 10 ms or more after its slot counts as a late start.
/// </summary>
public sealed class OpenLoopDriver(SoakOptions options, SoakTraffic traffic)
{
    public static readonly TimeSpan LateStart = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    private int _completed;
    private int _failed;

    /// <summary>Runs the schedule on <paramref name="runClock"/> and waits for the last answer.</summary>
    public async Task<RequestLog> RunAsync(Stopwatch runClock, Func<string> progress, CancellationToken cancellationToken)
    {
        var cycle = TrafficMix.Cycle();
        var log = new RequestLog(options.TotalRequests);
        var inFlight = new List<Task>((int)options.TotalRequests);
        var nextProgress = ProgressEvery;
        for (long sequence = 0; sequence < options.TotalRequests && !cancellationToken.IsCancellationRequested; sequence++)
        {
            var slot = TimeSpan.FromSeconds(sequence / options.Rate);
            var wait = slot - runClock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var operation = cycle[(int)(sequence % cycle.Count)];
            var lateness = runClock.Elapsed - slot;
            var number = sequence;
            inFlight.Add(Task.Run(() => SendAsync(log, number, operation, slot, lateness, cancellationToken), CancellationToken.None));
            if (slot >= nextProgress)
            {
                nextProgress += ProgressEvery;
                Console.WriteLine($"  {slot.TotalSeconds,5:0}s  sent {sequence + 1}, answered {Volatile.Read(ref _completed)}, errors {Volatile.Read(ref _failed)}, {progress()}");
            }
        }

        await Task.WhenAll(inFlight);
        cancellationToken.ThrowIfCancellationRequested();
        return log;
    }

    private async Task SendAsync(RequestLog log, long sequence, SoakOperation operation, TimeSpan slot, TimeSpan lateness, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            await traffic.RunAsync(operation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: neither an answer nor an error.
            return;
        }
        catch (SoakFailureException failure)
        {
            error = failure.Message;
        }
#pragma warning disable CA1031 // Anything else (an answer without the expected fields, say) is an error of this request, not of the run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        log.Record(sequence, new RequestRecord(operation, slot, lateness, Stopwatch.GetElapsedTime(started), error));
        Interlocked.Increment(ref _completed);
        if (error is not null)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
