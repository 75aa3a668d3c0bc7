namespace Entitle.Bench.Soak;

/// <summary>Every request of the run by its sequence number: each slot is written once, by its own request.</summary>
public sealed class RequestLog(long capacity)
{
    private readonly RequestRecord?[] _records = new RequestRecord?[capacity];

    public void Record(long sequence, RequestRecord record) => _records[sequence] = record;

    /// <summary>The requests that were sent and answered (or failed), in schedule order.</summary>
    public IReadOnlyList<RequestRecord> Completed() => [.. _records.Where(r => r.HasValue).Select(r => r!.Value)];
}
