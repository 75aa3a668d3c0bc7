namespace Entitle.Bench.Soak;

/// <summary>Nearest-rank percentiles of a set of latencies.</summary>
public sealed record LatencyStats(int Count, TimeSpan P50, TimeSpan P99, TimeSpan Max)
{
    public static LatencyStats Of(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStats(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)
            : new LatencyStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static TimeSpan Rank(TimeSpan[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
