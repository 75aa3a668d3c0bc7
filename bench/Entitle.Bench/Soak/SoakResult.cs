using Entitle.Bench.Hosting;

namespace Entitle.Bench.Soak;

/// <summary>Everything a soak run measured, and its verdict.</summary>
public sealed record SoakResult
{
    public required SoakOptions Options { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required MachineInfo Machine { get; init; }

    public required double? LoadAtStart { get; init; }

    public required double? LoadAtEnd { get; init; }

    /// <summary>The build configuration of the bench and so of the service it started.</summary>
    public required string Configuration { get; init; }

    public required string Database { get; init; }

    /// <summary>How the service was started, beyond its database: the command and the settings the soak changed.</summary>
    public required IReadOnlyList<string> ServiceSettings { get; init; }

    public required TimeSpan SetupTook { get; init; }

    public required int Learners { get; init; }

    /// <summary>From the first slot to the last answer.</summary>
    public required TimeSpan TrafficTook { get; init; }

    public required IReadOnlyList<RequestRecord> Requests { get; init; }

    public required IReadOnlyList<MemorySample> Samples { get; init; }

    public required ServiceStop Stop { get; init; }

    public required long ServiceLogLines { get; init; }

    public required int ServiceErrorEntries { get; init; }

    public required IReadOnlyList<string> ServiceFirstErrors { get; init; }

    public required long DatabaseBytes { get; init; }

    public int Errors => Requests.Count(r => r.Failed);

    public int LateStarts => Requests.Count(r => r.Lateness >= OpenLoopDriver.LateStart);

    public bool AllSent => Requests.Count == Options.TotalRequests;

    public RssTrend Trend => RssTrend.Of(Samples, Options.Duration);

    public bool GrowthWithinBar => Trend.MegabytesPerMinute <= Options.MaxRssSlope;

    public bool Passed => AllSent && Errors == 0 && ServiceErrorEntries == 0 && GrowthWithinBar && Stop.Clean;
}
