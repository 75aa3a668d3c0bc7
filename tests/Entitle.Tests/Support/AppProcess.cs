using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Entitle.Tests.Support;

/// <summary>
/// Entitle as an operating system process, started from the built app (<c>dotnet Entitle.dll</c>) or as the README
/// says (<c>dotnet run --project src/Entitle</c>): for tests of several processes, crashes and restarts.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private AppProcess(Process process, StringBuilder output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The built app's main assembly, in the configuration the tests were built in.</summary>
    public static string EntitleDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "Entitle", "bin", configuration, "net10.0", "Entitle.dll");
    }

    /// <summary>Starts the built app and waits until it listens.</summary>
    public static Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, IEnumerable<string>? arguments = null, int? port = null) =>
        StartAsync(["exec", EntitleDll(), .. arguments ?? []], environment, port);

    /// <summary>Starts the app the way the README does: <c>dotnet run --no-build --project src/Entitle -- …</c>.</summary>
    public static Task<AppProcess> StartAsReadmeSaysAsync(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> arguments) =>
        StartAsync(["run", "--no-build", "--project", "src/Entitle", "--", .. arguments], environment, null);

    /// <summary>Runs the built app with <paramref name="arguments"/> to its end (the migrate command, say); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        using var process = new Process { StartInfo = StartInfo(["exec", EntitleDll(), .. arguments], environment) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Ends the process at once, as a crash or kill -9 would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits until it has: in-flight requests finish first.</summary>
    public async Task StopAsync()
    {
        using (var signal = Process.Start("kill", $"-TERM {_process.Id}"))
        {
            await signal.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<AppProcess> StartAsync(string[] dotnetArguments, IReadOnlyDictionary<string, string?> environment, int? port)
    {
        var chosen = port ?? FreePort();
        var start = StartInfo([.. dotnetArguments, "--urls", $"http://127.0.0.1:{chosen}"], environment);
        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Record(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line?.Contains("Now listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Exited += (_, _) =>
        {
            // Read under the lock: the output handlers may still be appending.
            string seen;
            lock (output)
            {
                seen = output.ToString();
            }

            listening.TrySetException(new InvalidOperationException("The app exited before listening: " + seen));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, output, chosen);
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ArchitectureTests.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ENTITLE_BOOTSTRAP_KEY");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }
}
