namespace Entitle.Bench.Soak;

/// <summary>
/// The least-squares slope of the service's RSS, in MB per minute, over the second half of the run: the first half
/// holds the warm-up (JIT, connection pools, caches, the GC finding its heap size), which is growth that stops.
/// </summary>
public sealed record RssTrend(double MegabytesPerMinute, int Samples, TimeSpan From, TimeSpan Until)
{
    public static RssTrend Of(IReadOnlyList<MemorySample> samples, TimeSpan runLength)
    {
        var half = samples.Where(s => s.At >= runLength / 2).ToList();
        if (half.Count < 2)
        {
            return new RssTrend(0, half.Count, runLength / 2, runLength);
        }

        var meanX = half.Average(s => s.At.TotalMinutes);
        var meanY = half.Average(s => s.ResidentMegabytes);
        var covariance = half.Sum(s => (s.At.TotalMinutes - meanX) * (s.ResidentMegabytes - meanY));
        var variance = half.Sum(s => Math.Pow(s.At.TotalMinutes - meanX, 2));
        return new RssTrend(variance == 0 ? 0 : covariance / variance, half.Count, half[0].At, half[^1].At);
    }
}
