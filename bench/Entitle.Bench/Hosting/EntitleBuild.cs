using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Entitle.Bench.Hosting;

/// <summary>
/// The service's build output, <c>src/Entitle/bin/&lt;configuration&gt;/net10.0/Entitle.dll</c> (the project reference
/// builds it in the bench's own configuration before the bench runs), or its release as published.
/// </summary>
public static class EntitleBuild
{
    public static string Configuration =>
        typeof(EntitleBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Entitle.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Entitle.slnx) was not found above the bench's binaries.");
    }

    public static string MainAssembly() =>
        Path.Combine(RepositoryRoot(), "src", "Entitle", "bin", Configuration, "net10.0", "Entitle.dll");

    /// <summary>
    /// Publishes the service for this machine's platform, as an operator deploys it (ready-to-run, see the project
    /// file), and returns the published <c>Entitle.dll</c>. The suite measures this build: its start is W6.
    /// </summary>
    public static async Task<string> PublishAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, "bench", "Entitle.Bench", "bin", Configuration, "published-service");
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        await log.WriteLineAsync($"Publishing the service ({Configuration}, {rid}, ready-to-run) to {output}.");
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "Entitle"), "-c", Configuration, "-r", rid, "--self-contained", "false", "-o", output, "--nologo", "-v", "quiet"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}): {await stdout}{await stderr}");
        }

        return Path.Combine(output, "Entitle.dll");
    }

    /// <summary>The commit the sources are at, and whether they differ from it; null outside a git work tree.</summary>
    public static string? SourceRevision()
    {
        var commit = Git("rev-parse --short HEAD");
        if (string.IsNullOrEmpty(commit))
        {
            return null;
        }

        return string.IsNullOrEmpty(Git("status --porcelain --untracked-files=no")) ? commit : commit + " with uncommitted changes";
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Whether the build runs the server garbage collector (<c>System.GC.Server</c> in its runtimeconfig.json).</summary>
    public static bool? ServerGarbageCollector(string mainAssembly)
    {
        var runtimeConfig = Path.ChangeExtension(mainAssembly, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        return json.RootElement.TryGetProperty("runtimeOptions", out var runtime)
            && runtime.TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server)
                ? server.GetBoolean()
                : null;
    }
}
