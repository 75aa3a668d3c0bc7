using Microsoft.Extensions.Logging.Abstractions;

namespace Entitle.Hosting;

/// <summary>
/// One category's console logger: formats each entry on the logging thread with the configured console formatter
/// (<c>Logging:Console:FormatterName</c>, as the framework's console logger does) and queues the text on the
/// <see cref="BatchedConsoleWriter"/>. Entries at or above <c>LogToStandardErrorThreshold</c> go to standard error.
/// </summary>
public sealed class BatchedConsoleLogger(string category, BatchedConsoleLoggerProvider provider) : ILogger
{
    [ThreadStatic]
    private static StringWriter? t_text;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var text = t_text ??= new StringWriter();
        provider.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider.Scopes, text);
        var written = text.GetStringBuilder();
        if (written.Length == 0)
        {
            return;
        }

        var line = written.ToString();
        written.Clear();
        if (written.Capacity > 4096)
        {
            // One long entry (a stack trace) should not keep its buffer alive on this thread.
            written.Capacity = 1024;
        }

        provider.Writer.Add(line, logLevel >= provider.Options.LogToStandardErrorThreshold);
    }
}
