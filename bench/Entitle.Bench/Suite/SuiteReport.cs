using System.Globalization;
using System.Text;
using Entitle.Bench.Hosting;

namespace Entitle.Bench.Suite;

/// <summary>The suite's result as the markdown section of docs/benchmarks.md between <see cref="Begin"/> and <see cref="End"/>.</summary>
public static class SuiteReport
{
    public const string Begin = "<!-- suite results: begin (written by `bench suite`; edits inside are overwritten) -->";

    public const string End = "<!-- suite results: end -->";

    public static string Render(SuiteOptions options, IReadOnlyList<SuiteRow> rows, MachineInfo machine, DateTimeOffset startedAt, double? loadAtStart, double? loadAtEnd, string? notes)
    {
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine("## Latest results");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {startedAt:yyyy-MM-dd HH:mm} UTC, data set **{options.Size.Name}**, {options.Connections} connections, {options.WarmUpSeconds} s warm-up, {options.Seconds} s measured per side (the sides of W1, W2, W4 and W5 in {ProviderRun.Turns} turns each, taken alternately).");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine(options.CommandLine());
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cores} cores, {machine.Processor}, {machine.MemoryGigabytes:0} GiB, {machine.OperatingSystem}, {machine.Kernel}, {machine.Runtime}; sources at {EntitleBuild.SourceRevision() ?? "an unknown commit"}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"One-minute load average {Load(loadAtStart)} at the start and {Load(loadAtEnd)} at the end (it counts the suite's own runnable threads, the driver's, the service's and the database's, as well as any other work on the machine: absolute figures move with it, the ratios less, since both sides of a workload take turns within the same minutes).");
        if (notes is not null)
        {
            text.AppendLine();
            text.AppendLine(notes);
        }

        text.AppendLine();
        text.AppendLine("| workload | db | Entitle | baseline | ratio | target | met |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var ratio = row.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
            var met = row.Met switch { true => "yes", false => "**no**", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Workload} | {row.Database} | {row.Entitle} | {row.Baseline} | {ratio} | {row.Target} | {met} |");
        }

        text.AppendLine(End);
        return text.ToString();
    }

    private static string Load(double? load) => load?.ToString("0.0", CultureInfo.InvariantCulture) ?? "unknown";
}
