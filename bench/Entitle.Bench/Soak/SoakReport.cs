using System.Globalization;
using System.Text;

namespace Entitle.Bench.Soak;

/// <summary>A run's result as markdown: what was run where, then totals, minutes, operations, errors and memory.</summary>
public static class SoakReport
{
    public const string Begin = "<!-- soak-result:begin (written by the soak; edit the text around it) -->";
    public const string End = "<!-- soak-result:end -->";

    private const int ErrorsShown = 10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(SoakResult result)
    {
        var text = new StringBuilder();
        var options = result.Options;
        var all = LatencyStats.Of(result.Requests.Select(r => r.Latency));
        var trend = result.Trend;

        text.AppendLine(Begin);
        text.AppendLine("## Last result");
        text.AppendLine();
        text.AppendLine(Invariant, $"**{(result.Passed ? "PASS" : "FAIL")}**: {result.Requests.Count:N0} of {options.TotalRequests:N0} requests answered, "
            + $"{result.Errors:N0} errors, {result.ServiceErrorEntries:N0} error entries in the service's log; RSS trend {Signed(trend.MegabytesPerMinute)} MB/min "
            + $"over the second half (bar: at most {options.MaxRssSlope:0.##} MB/min); the service {(result.Stop.Clean ? "stopped cleanly" : "did not stop cleanly")}.");
        text.AppendLine();
        text.AppendLine(Invariant, $"Run on {result.StartedAt:yyyy-MM-dd HH:mm} UTC with:");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(options.CommandLine());
        text.AppendLine("```");
        text.AppendLine();

        var machine = result.Machine;
        text.AppendLine("| machine | |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant, $"| processor | {machine.Cores} cores, {machine.Processor} |");
        text.AppendLine(Invariant, $"| memory | {machine.MemoryGigabytes:0.0} GiB |");
        text.AppendLine(Invariant, $"| system | {machine.OperatingSystem}; {machine.Kernel} |");
        text.AppendLine(Invariant, $"| runtime | {machine.Runtime} |");
        text.AppendLine(Invariant, $"| load average (1 min) | {Load(result.LoadAtStart)} before the service started, {Load(result.LoadAtEnd)} at the end of the traffic |");
        text.AppendLine();

        text.AppendLine("| setting | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant, $"| build | {result.Configuration} |");
        foreach (var setting in result.ServiceSettings)
        {
            text.AppendLine(Invariant, $"| {setting} |");
        }

        text.AppendLine(Invariant, $"| database | {result.Database} |");
        text.AppendLine(Invariant, $"| traffic | {options.Rate:0.##} requests/s, open loop, for {options.Minutes:0.##} min: {options.TotalRequests:N0} requests, all with the root organization's credential |");
        text.AppendLine(Invariant, $"| data | the demo catalog; {result.Learners} learners created over TMS `CreateUser` before the traffic (setup took {result.SetupTook.TotalSeconds:0.0} s) |");
        text.AppendLine(Invariant, $"| memory | the service process's VmRSS (`/proc/<pid>/status`) every {options.SampleSeconds:0.##} s |");
        text.AppendLine();

        text.AppendLine("### Totals");
        text.AppendLine();
        text.AppendLine("| requests | answered | errors | late starts | worst lateness | p50 | p99 | max |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var worstLateness = result.Requests.Count == 0 ? TimeSpan.Zero : result.Requests.Max(r => r.Lateness);
        text.AppendLine(Invariant, $"| {options.TotalRequests:N0} | {result.Requests.Count:N0} | {result.Errors:N0} | {result.LateStarts:N0} | {Ms(worstLateness)} | {Ms(all.P50)} | {Ms(all.P99)} | {Ms(all.Max)} |");
        text.AppendLine();
        var cpu = result.Samples.Count > 1 ? result.Samples.Skip(1).Average(s => s.CpuPercent) : 0;
        text.AppendLine(Invariant, $"The last answer came {result.TrafficTook.TotalSeconds:0.0} s after the first slot: {result.Requests.Count / result.TrafficTook.TotalSeconds:0.0} answers/s. "
            + $"The service used {cpu:0} % of one core on average. A late start is a request that started {OpenLoopDriver.LateStart.TotalMilliseconds:0} ms or more after its slot.");
        text.AppendLine();

        text.AppendLine("### Per minute");
        text.AppendLine();
        text.AppendLine("| minute | requests | errors | late starts | p50 | p99 | max | RSS at its end |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var minute in result.Requests.GroupBy(r => (int)r.Slot.TotalMinutes).OrderBy(g => g.Key))
        {
            var stats = LatencyStats.Of(minute.Select(r => r.Latency));
            var minuteEnd = TimeSpan.FromMinutes(minute.Key + 1);
            var rss = result.Samples.LastOrDefault(s => s.At <= minuteEnd) ?? (result.Samples.Count > 0 ? result.Samples[^1] : null);
            text.AppendLine(Invariant, $"| {minute.Key + 1} | {stats.Count:N0} | {minute.Count(r => r.Failed):N0} | {minute.Count(r => r.Lateness >= OpenLoopDriver.LateStart):N0} | {Ms(stats.P50)} | {Ms(stats.P99)} | {Ms(stats.Max)} | {(rss is null ? "" : $"{rss.ResidentMegabytes:0.0} MB")} |");
        }

        text.AppendLine();
        text.AppendLine("### Per operation");
        text.AppendLine();
        text.AppendLine("| operation | kind | share | requests | errors | p50 | p99 | max |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var total = TrafficMix.Operations.Sum(o => o.Weight);
        foreach (var (operation, weight, label) in TrafficMix.Operations)
        {
            var records = result.Requests.Where(r => r.Operation == operation).ToList();
            var stats = LatencyStats.Of(records.Select(r => r.Latency));
            text.AppendLine(Invariant, $"| {label} | {(TrafficMix.IsWrite(operation) ? "write" : "read")} | {100.0 * weight / total:0} % | {stats.Count:N0} | {records.Count(r => r.Failed):N0} | {Ms(stats.P50)} | {Ms(stats.P99)} | {Ms(stats.Max)} |");
        }

        text.AppendLine();
        text.AppendLine("### Errors");
        text.AppendLine();
        var failed = result.Requests.Where(r => r.Failed).Take(ErrorsShown).ToList();
        if (failed.Count == 0 && result.ServiceErrorEntries == 0)
        {
            text.AppendLine("None: every answer was a 2xx without GraphQL `errors` or payload errors, every TMS `Status` was 0, and the service logged no error.");
        }
        else
        {
            foreach (var record in failed)
            {
                text.AppendLine(Invariant, $"- at {record.Slot.TotalSeconds:0.0} s, {record.Operation}: {record.Error!.ReplaceLineEndings(" ")}");
            }

            foreach (var entry in result.ServiceFirstErrors)
            {
                text.AppendLine(Invariant, $"- service log: `{entry}`");
            }
        }

        text.AppendLine();
        text.AppendLine("### Service memory and CPU");
        text.AppendLine();
        text.AppendLine("| time | RSS | CPU (% of one core, since the previous sample) |");
        text.AppendLine("|---:|---:|---:|");
        foreach (var sample in result.Samples)
        {
            text.AppendLine(Invariant, $"| {sample.At.TotalSeconds:0} s | {sample.ResidentMegabytes:0.0} MB | {sample.CpuPercent:0} % |");
        }

        text.AppendLine();
        var perRequest = trend.MegabytesPerMinute * 1024 / (options.Rate * 60);
        text.AppendLine(Invariant, $"RSS trend: {Signed(trend.MegabytesPerMinute)} MB/min ({Signed(perRequest)} KB per request at this rate), the least-squares slope of the "
            + $"{trend.Samples} samples from {trend.From.TotalSeconds:0} s to {trend.Until.TotalSeconds:0} s (bar: at most {options.MaxRssSlope:0.##} MB/min). "
            + $"{(result.GrowthWithinBar ? "No growth trend." : "**Memory grows.**")}");
        text.AppendLine();

        text.AppendLine("### Service");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Stopped with SIGTERM after the last answer: {(result.Stop.Forced ? "it did not exit in time and was killed" : $"exited with code {result.Stop.ExitCode}")} after {result.Stop.Took.TotalSeconds:0.0} s.");
        text.AppendLine(Invariant, $"- Its output: {result.ServiceLogLines:N0} lines, {result.ServiceErrorEntries:N0} error (`fail:`/`crit:`) entries.");
        text.AppendLine(Invariant, $"- The database at the end: {result.DatabaseBytes / 1024d / 1024d:0.0} MB.");
        text.AppendLine(End);
        return text.ToString();
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "0.0" : "0", Invariant) + " ms";

    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", Invariant);

    private static string Load(double? value) => value?.ToString("0.00", Invariant) ?? "unknown";
}
