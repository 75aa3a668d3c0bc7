namespace Entitle.Bench.Hosting;

/// <summary>
/// What the service printed: counted, its error log entries kept (the console logger starts an entry with its level,
/// <c>fail:</c> or <c>crit:</c> for errors, followed by the entry's message and exception), the last lines for a
/// diagnosis, and, when asked, every line in a file.
/// </summary>
public sealed class ServiceOutput(int keptLines, TextWriter? copy)
{
    private static readonly string[] Levels = ["trce:", "dbug:", "info:", "warn:", "fail:", "crit:"];

    private const int KeptErrors = 10;
    private const int KeptLinesPerError = 8;
    private readonly Lock _lock = new();
    private readonly Queue<string> _tail = new();
    private readonly List<List<string>> _errors = [];
    private List<string>? _openError;
    private long _lines;
    private int _errorCount;

    public long Lines
    {
        get
        {
            lock (_lock)
            {
                return _lines;
            }
        }
    }

    /// <summary>How many error or critical log entries the service wrote.</summary>
    public int ErrorEntries
    {
        get
        {
            lock (_lock)
            {
                return _errorCount;
            }
        }
    }

    /// <summary>The first error entries, each on one line.</summary>
    public IReadOnlyList<string> FirstErrors()
    {
        lock (_lock)
        {
            return [.. _errors.Select(lines => string.Join(" ", lines))];
        }
    }

    public void Add(string line)
    {
        lock (_lock)
        {
            _lines++;
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                _errorCount++;
                _openError = _errors.Count < KeptErrors ? [line] : null;
                if (_openError is not null)
                {
                    _errors.Add(_openError);
                }
            }
            else if (_openError is not null && !Levels.Any(level => line.StartsWith(level, StringComparison.Ordinal)) && _openError.Count < KeptLinesPerError)
            {
                _openError.Add(line.Trim());
            }
            else
            {
                _openError = null;
            }

            copy?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > keptLines)
            {
                _tail.Dequeue();
            }
        }
    }

    public string Tail()
    {
        lock (_lock)
        {
            return string.Join('\n', _tail);
        }
    }
}
