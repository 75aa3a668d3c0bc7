using System.Globalization;
using System.Runtime.InteropServices;

namespace Entitle.Bench.Hosting;

/// <summary>The machine a run was made on, read from <c>/proc</c> and <c>/etc/os-release</c> where there are.</summary>
public sealed record MachineInfo(int Cores, string Processor, double MemoryGigabytes, string OperatingSystem, string Kernel, string Runtime)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        Field("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        double.TryParse(Field("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0], CultureInfo.InvariantCulture, out var kilobytes) ? kilobytes / 1024 / 1024 : 0,
        Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        File.Exists("/proc/sys/kernel/osrelease") ? "Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>The one-minute load average: how many threads wanted a core, on average.</summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : null;

    private static string? Field(string file, string name, char separator)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == name)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }
}
