namespace Entitle.Bench.Load;

/// <summary>Nearest-rank percentiles over every latency recorded (in <see cref="System.Diagnostics.Stopwatch"/> ticks): exact, no buckets.</summary>
public static class LatencyPercentiles
{
    public static TimeSpan Of(long[] sortedTicks, double quantile)
    {
        if (sortedTicks.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Clamp((int)Math.Ceiling(quantile * sortedTicks.Length) - 1, 0, sortedTicks.Length - 1);
        return TimeSpan.FromSeconds((double)sortedTicks[rank] / System.Diagnostics.Stopwatch.Frequency);
    }
}
