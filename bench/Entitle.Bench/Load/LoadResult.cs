namespace Entitle.Bench.Load;

/// <summary>What a closed-loop run measured after its warm-up: answers per second, latency percentiles, errors.</summary>
public sealed record LoadResult(long Requests, long Errors, TimeSpan Duration, TimeSpan P50, TimeSpan P99, string? FirstError)
{
    public double Throughput => Duration > TimeSpan.Zero ? Requests / Duration.TotalSeconds : 0;
}
