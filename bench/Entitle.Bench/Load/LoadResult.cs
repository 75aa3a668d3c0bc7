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
}
