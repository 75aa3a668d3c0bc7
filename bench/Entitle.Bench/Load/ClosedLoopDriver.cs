using System.Diagnostics;
using System.Text;

namespace Entitle.Bench.Load;

/// <summary>
/// A closed loop over HTTP on loopback: <see cref="LoadOptions.Connections"/> workers on as many pooled connections,
/// each sending its next request as soon as the last one is answered, or, with a <see cref="LoadOptions.Rate"/>, at its
/// next turn on an even schedule (no sooner than the last answer; a connection that fell behind its schedule starts it
/// again from now rather than sending a burst). A latency is from the request's sending to its answer. Requests during
/// the warm-up are sent but not counted. An answer is an error when its status is not 2xx or <paramref name="isError"/> finds a failure in its body.
/// </summary>
/// <param name="baseAddress">The server.</param>
/// <param name="request">Builds request number n (numbers are shared by all workers, so each is sent once).</param>
/// <param name="isError">Whether a 2xx body reports a failure (a GraphQL error, a TMS status other than 0).</param>
public sealed class ClosedLoopDriver(Uri baseAddress, Func<long, HttpRequestMessage> request, Func<string, bool> isError)
{
    public async Task<LoadResult> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        long sequence = -1;
        var clock = Stopwatch.StartNew();
        var measureFrom = options.WarmUp;
        var stopAt = options.WarmUp + options.Duration;
        var interval = options.Rate is { } rate ? TimeSpan.FromSeconds(options.Connections / rate) : TimeSpan.Zero;
        var workers = Enumerable.Range(0, options.Connections).Select(worker => Task.Run(async () =>
        {
            // The connections' turns are spread evenly over the interval, not all at its start.
            var nextTurn = interval * worker / options.Connections;
            var latencies = new List<long>(16_384);
            long errors = 0;
            long succeeded = 0;
            string? firstError = null;
            while (clock.Elapsed < stopAt && !cancellationToken.IsCancellationRequested)
            {
                if (interval > TimeSpan.Zero)
                {
                    var wait = nextTurn - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, cancellationToken);
                    }

                    nextTurn = wait > -interval ? nextTurn + interval : clock.Elapsed + interval;
                }

                var started = Stopwatch.GetTimestamp();
                var failure = await SendAsync(http, request(Interlocked.Increment(ref sequence)), cancellationToken);
                var took = Stopwatch.GetTimestamp() - started;
                succeeded += failure is null ? 1 : 0;
                if (clock.Elapsed < measureFrom || clock.Elapsed >= stopAt)
                {
                    continue;
                }

                latencies.Add(took);
                if (failure is not null)
                {
                    errors++;
                    firstError ??= failure;
                }
            }

            return (latencies, errors, firstError, succeeded);
        }, CancellationToken.None)).ToArray();
        var results = await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new LoadResult(
            all.Length,
            results.Sum(r => r.errors),
            options.Duration,
            LatencyPercentiles.Of(all, 0.50),
            LatencyPercentiles.Of(all, 0.99),
            results.Select(r => r.firstError).FirstOrDefault(e => e is not null),
            results.Sum(r => r.succeeded))
        {
            SortedLatencies = all,
        };
    }

    private async Task<string?> SendAsync(HttpClient http, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            using (message)
            using (var response = await http.SendAsync(message, cancellationToken))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return $"HTTP {(int)response.StatusCode}: {Shorten(body)}";
                }

                return isError(body) ? Shorten(body) : null;
            }
        }
        catch (HttpRequestException exception)
        {
            return exception.Message;
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return exception.Message;
        }
    }

    private static string Shorten(string text) =>
        text.Length <= 300 ? text : new StringBuilder(text, 0, 300, 301).Append('…').ToString();
}
