using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Entitle.Bench.Hosting;

/// <summary>
/// The service's build output, <c>src/Entitle/bin/&lt;configuration&gt;/net10.0/Entitle.dll</c>: the project reference
/// builds it in the bench's own configuration before the bench runs.
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
