using System.Text.Json;
using Entitle.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Entitle.Tests.Hosting;

/// <summary>The console log writes in batches on a timer, in order, to the right stream, formatted as configured, and loses nothing.</summary>
public sealed class BatchedConsoleLoggerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();

    private readonly CountingWriter _output = new();

    private readonly CountingWriter _error = new();

    private ServiceProvider? _services;

    private BatchedConsoleLoggerProvider? _provider;

    public void Dispose()
    {
        _provider?.Dispose();
        _services?.Dispose();
    }

    [Fact]
    public void LinesWaitForTheTimerAndAreWrittenInOrderInOneWrite()
    {
        var logger = Start().CreateLogger("Entitle.Requests");
        for (var i = 1; i <= 3; i++)
        {
            logger.LogInformation("request {Number}", i);
        }

        Assert.Equal("", _output.Text);
        _clock.Advance(BatchedConsoleWriter.Interval);

        var lines = _output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["request 1", "request 2", "request 3"], lines.Select(l => l[(l.IndexOf("request", StringComparison.Ordinal))..]));
        Assert.All(lines, l => Assert.StartsWith("info: Entitle.Requests", l, StringComparison.Ordinal));
        Assert.Equal(1, _output.Flushes);
        Assert.Equal(0, _error.Flushes);
    }

    [Fact]
    public void EntriesAtTheErrorThresholdGoToStandardErrorInTheirTurn()
    {
        var logger = Start(o => o.LogToStandardErrorThreshold = LogLevel.Error).CreateLogger("Entitle.Tms");
        logger.LogInformation("before");
        logger.LogError("broken");
        logger.LogInformation("after");
        _clock.Advance(BatchedConsoleWriter.Interval);

        Assert.Contains("before", _output.Text, StringComparison.Ordinal);
        Assert.Contains("after", _output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("broken", _output.Text, StringComparison.Ordinal);
        Assert.Contains("fail: Entitle.Tms", _error.Text, StringComparison.Ordinal);
        Assert.Contains("broken", _error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AtTheQueuesBoundTheLoggingThreadWritesItWithoutWaitingForTheTimer()
    {
        var logger = Start(o => o.MaxQueueLength = 5).CreateLogger("Entitle.Requests");
        for (var i = 1; i <= 4; i++)
        {
            logger.LogInformation("request {Number}", i);
        }

        Assert.Equal("", _output.Text);
        logger.LogInformation("request {Number}", 5);

        Assert.Equal(5, _output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void WhatIsQueuedIsWrittenWhenTheProviderIsDisposedAndWhatComesAfterAtOnce()
    {
        var provider = Start();
        provider.CreateLogger("Microsoft.Hosting.Lifetime").LogInformation("Application is shutting down...");
        Assert.Equal("", _output.Text);

        provider.Dispose();

        Assert.Contains("Application is shutting down...", _output.Text, StringComparison.Ordinal);
        provider.CreateLogger("Entitle.Startup").LogInformation("stopped");
        Assert.Contains("stopped", _output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AConsoleThatCanNoLongerBeWrittenFailsNeitherTheLoggerNorTheTimer()
    {
        using var broken = new BatchedConsoleWriter(new ClosedWriter(), new ClosedWriter(), bound: 2, _clock);

        broken.Add("one\n", toError: false);
        _clock.Advance(BatchedConsoleWriter.Interval);
        broken.Add("two\n", toError: false);
        broken.Add("three\n", toError: true);
    }

    [Fact]
    public void TheConfiguredFormatterIsUsedAndAnUnknownOneFallsBackToSimple()
    {
        var logger = Start(o => o.FormatterName = ConsoleFormatterNames.Json).CreateLogger("Entitle.Requests");
        logger.LogInformation("GET {Path} answered {StatusCode}", "/healthz", 200);
        _clock.Advance(BatchedConsoleWriter.Interval);

        using var entry = JsonDocument.Parse(_output.Text.Trim());
        Assert.Equal("Entitle.Requests", entry.RootElement.GetProperty("Category").GetString());
        Assert.Equal(200, entry.RootElement.GetProperty("State").GetProperty("StatusCode").GetInt32());

        _provider!.Dispose();
        _services!.Dispose();
        _output.Clear();
        var fallback = Start(o => o.FormatterName = "no-such-format").CreateLogger("Entitle.Requests");
        fallback.LogInformation("plain");
        _clock.Advance(BatchedConsoleWriter.Interval);
        Assert.StartsWith("info: Entitle.Requests", _output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheServiceLogsThroughItInPlaceOfTheFrameworksConsoleLogger()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddHosting();
        using var services = builder.Services.BuildServiceProvider();

        var providers = services.GetServices<ILoggerProvider>().ToList();

        Assert.Contains(providers, p => p is BatchedConsoleLoggerProvider);
        Assert.DoesNotContain(providers, p => p is ConsoleLoggerProvider);
    }

    private BatchedConsoleLoggerProvider Start(Action<ConsoleLoggerOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole());
        services.Configure<ConsoleLoggerOptions>(o =>
        {
            o.FormatterName = ConsoleFormatterNames.Simple;
            configure?.Invoke(o);
        });
        services.Configure<SimpleConsoleFormatterOptions>(o => o.SingleLine = true);
        _services = services.BuildServiceProvider();
        _provider = new BatchedConsoleLoggerProvider(
            _services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(),
            _services.GetRequiredService<IEnumerable<ConsoleFormatter>>(),
            _clock,
            _output,
            _error);
        return _provider;
    }

    /// <summary>A console whose reader has gone: every write fails.</summary>
    private sealed class ClosedWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        // Every other write of TextWriter comes down to this one.
        public override void Write(char value) => throw new IOException("Broken pipe");
    }

    /// <summary>A console stand-in that counts its flushes: one per batch written.</summary>
    private sealed class CountingWriter : StringWriter
    {
        public int Flushes { get; private set; }

        public string Text => ToString();

        public void Clear() => GetStringBuilder().Clear();

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
