using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Entitle.Hosting;

/// <summary>
/// The console log, in place of the framework's console logger provider and configured the same way (the
/// <c>Logging:Console</c> section: its levels, <c>FormatterName</c> and <c>FormatterOptions</c>,
/// <c>LogToStandardErrorThreshold</c>, <c>MaxQueueLength</c>), writing in batches (<see cref="BatchedConsoleWriter"/>).
/// The formatters are the framework's own (simple, json, systemd, or one an operator adds); an unknown name falls
/// back to simple, as the framework's does.
/// </summary>
[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;

    private readonly Dictionary<string, ConsoleFormatter> _formatters = new(StringComparer.OrdinalIgnoreCase);

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters, TimeProvider clock, TextWriter output, TextWriter error)
    {
        _options = options;
        foreach (var formatter in formatters)
        {
            // A formatter registered later under the same name replaces the earlier one.
            _formatters[formatter.Name] = formatter;
        }

        Writer = new BatchedConsoleWriter(output, error, options.CurrentValue.MaxQueueLength, clock);
    }

    internal BatchedConsoleWriter Writer { get; }

    internal IExternalScopeProvider Scopes { get; private set; } = new LoggerExternalScopeProvider();

    internal ConsoleLoggerOptions Options => _options.CurrentValue;

    /// <summary>Read for each entry, so that a changed <c>FormatterName</c> takes effect without a restart.</summary>
    internal ConsoleFormatter Formatter =>
        _formatters.GetValueOrDefault(Options.FormatterName ?? ConsoleFormatterNames.Simple) ?? _formatters[ConsoleFormatterNames.Simple];

    public ILogger CreateLogger(string categoryName) => new BatchedConsoleLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

    public void Dispose() => Writer.Dispose();
}
