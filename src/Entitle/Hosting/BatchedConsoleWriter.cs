using System.Collections.Concurrent;
using System.Text;

namespace Entitle.Hosting;

/// <summary>
/// Where the console log's lines wait to be written: a queue the logging threads add to without waking anyone, emptied
/// on a timer in one write per stream. The framework's console logger wakes its writer thread and makes a system call
/// for every line; with one request log line per request, that thread and its wake-ups took about a tenth of the
/// service's CPU under W1 (docs/benchmarks.md). Lines keep their order. A line waits at most one
/// <see cref="Interval"/>; when the queue reaches its bound (the console is slower than the logging, say a stalled
/// pipe), the thread that logs writes the queue itself, so nothing is dropped and memory stays bounded. What is still
/// queued is written when the writer is disposed, as the host stops, and anything logged after that at once.
/// </summary>
public sealed class BatchedConsoleWriter : IDisposable
{
    /// <summary>The longest a line waits before it is written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentQueue<(string Text, bool ToError)> _pending = new();

    private readonly Lock _writing = new();

    private readonly StringBuilder _batch = new();

    private readonly TextWriter _output;

    private readonly TextWriter _error;

    private readonly int _bound;

    private readonly ITimer _timer;

    private int _count;

    private bool _disposed;

    public BatchedConsoleWriter(TextWriter output, TextWriter error, int bound, TimeProvider clock)
    {
        _output = output;
        _error = error;
        _bound = Math.Max(1, bound);
        _timer = clock.CreateTimer(_ => TryWrite(), null, Interval, Interval);
    }

    public void Add(string text, bool toError)
    {
        _pending.Enqueue((text, toError));
        if (Interlocked.Increment(ref _count) >= _bound || Volatile.Read(ref _disposed))
        {
            lock (_writing)
            {
                WriteQueued();
            }
        }
    }

    /// <summary>Stops the timer and writes what is queued; an entry logged after that (late in the host's shutdown) is written at once.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _timer.Dispose();
        lock (_writing)
        {
            WriteQueued();
        }
    }

    /// <summary>On the timer: skipped when a write is already under way (a slow console, or a logging thread writing at the bound).</summary>
    private void TryWrite()
    {
        if (_writing.TryEnter())
        {
            try
            {
                WriteQueued();
            }
            finally
            {
                _writing.Exit();
            }
        }
    }

    /// <summary>Writes every queued line, each run of lines for the same stream in one write. Called holding <see cref="_writing"/>.</summary>
    private void WriteQueued()
    {
        bool? toError = null;
        while (_pending.TryDequeue(out var line))
        {
            Interlocked.Decrement(ref _count);
            if (toError is { } current && current != line.ToError)
            {
                Flush(current);
            }

            toError = line.ToError;
            _batch.Append(line.Text);
        }

        if (toError is { } last)
        {
            Flush(last);
        }
    }

    /// <summary>
    /// A console that can no longer be written (its pipe closed, its reader gone) loses the batch rather than failing
    /// the request that logged it or ending the process from the timer's thread, as the framework's console logger does.
    /// </summary>
    private void Flush(bool toError)
    {
        var target = toError ? _error : _output;
        try
        {
            target.Write(_batch);
            target.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _batch.Clear();
        }
    }
}
