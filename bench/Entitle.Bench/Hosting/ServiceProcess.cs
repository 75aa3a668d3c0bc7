using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Entitle.Bench.Hosting;

/// <summary>
/// The Entitle service as its own operating system process (<c>dotnet exec Entitle.dll</c>) on a loopback port,
/// observed from outside: its output, its memory and CPU from <c>/proc</c>, its exit.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ServiceOutput _output;

    private ServiceProcess(Process process, ServiceOutput output, int port, long startTimestamp)
    {
        _process = process;
        _output = output;
        Port = port;
        StartTimestamp = startTimestamp;
    }

    /// <summary>When the process was started, as a <see cref="Stopwatch"/> timestamp: where a cold start is measured from.</summary>
    public long StartTimestamp { get; }

    public int Port { get; }

    public int Id => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public ServiceOutput Output => _output;

    /// <summary>Starts the service (or any ASP.NET Core program) and waits until it says it listens.</summary>
    /// <param name="entitleDll">The program's main assembly.</param>
    /// <param name="arguments">Its command line, before the <c>--urls</c> this class adds.</param>
    /// <param name="environment">Settings for the service, on top of this process's environment.</param>
    /// <param name="log">Where to copy every line the service prints, if anywhere.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<ServiceProcess> StartAsync(string entitleDll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TextWriter? log, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            // The build output holds appsettings.json: the service runs with the settings it ships with.
            WorkingDirectory = Path.GetDirectoryName(entitleDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "exec", entitleDll }.Concat(arguments).Concat(["--urls", $"http://127.0.0.1:{port}"]))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ENTITLE_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new ServiceOutput(KeptLines, log);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Add(line);
            if (line.Contains("Now listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The service exited before it listened:\n" + output.Tail()));
        var startTimestamp = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, output, port, startTimestamp);
        try
        {
            await listening.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>The resident set size (VmRSS) in bytes, or null once the process is gone.</summary>
    public long? ResidentBytes() => StatusBytes("VmRSS:");

    /// <summary>The highest resident set size so far (VmHWM) in bytes, or null once the process is gone.</summary>
    public long? PeakResidentBytes() => StatusBytes("VmHWM:");

    private long? StatusBytes(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : 1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan? ProcessorTime()
    {
        try
        {
            return _process.HasExited ? null : _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Asks the service to stop (SIGTERM) and waits until it has: what a clean shutdown looks like.</summary>
    public async Task<ServiceStop> StopAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        if (!_process.HasExited)
        {
            using var signal = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
            return new ServiceStop(_process.ExitCode, stopwatch.Elapsed, Forced: false);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return new ServiceStop(_process.ExitCode, stopwatch.Elapsed, Forced: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
