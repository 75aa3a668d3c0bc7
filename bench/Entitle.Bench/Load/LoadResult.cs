namespace Entitle.Bench.Load;

/// <summary>What a closed-loop run measured after its warm-up: answers per second, latency percentiles, errors.</summary>
/// <param name="Requests">Answers counted (after the warm-up).</param>
/// <param name="Errors">Counted answers that were failures.</param>
/// <param name="Duration">The measured time.</param>
/// <param name="P50">Median latency of the counted answers.</param>
/// <param name="P99">99th percentile latency of the counted answers.</param>
/// <param name="FirstError">What the first failure said.</param>
/// <param name="Succeeded">Every good answer, the warm-up's included: how many changes a write workload made.</param>
public sealed record LoadResult(long Requests, long Errors, TimeSpan Duration, TimeSpan P50, TimeSpan P99, string? FirstError, long Succeeded)
{
    public double Throughput => Duration > TimeSpan.Zero ? Requests / Duration.TotalSeconds : 0;

    /// <summary>Every counted latency in <see cref="System.Diagnostics.Stopwatch"/> ticks, sorted: what runs are combined from.</summary>
    public long[] SortedLatencies { get; init; } = [];

    /// <summary>
    /// Several runs of the same side as one: answers and measured time added up (so the throughput is answers over
    /// the time measured), the percentiles taken over every latency of every run.
    /// </summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> runs)
    {
        var all = runs.SelectMany(r => r.SortedLatencies).ToArray();
        Array.Sort(all);
        return new LoadResult(
            runs.Sum(r => r.Requests),
            runs.Sum(r => r.Errors),
            runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration),
            LatencyPercentiles.Of(all, 0.50),
            LatencyPercentiles.Of(all, 0.99),
            runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null),
            runs.Sum(r => r.Succeeded))
        {
            SortedLatencies = all,
        };
    }
}
