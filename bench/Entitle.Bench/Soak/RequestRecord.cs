namespace Entitle.Bench.Soak;

/// <summary>
/// One scheduled request: its slot (time since the traffic started), how late it actually started, how long its
/// answer took from that start to the checked body, and what was wrong with it, if anything.
/// </summary>
public readonly record struct RequestRecord(SoakOperation Operation, TimeSpan Slot, TimeSpan Lateness, TimeSpan Latency, string? Error)
{
    public bool Failed => Error is not null;
}
