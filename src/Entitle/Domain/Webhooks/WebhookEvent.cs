namespace Entitle.Domain.Webhooks;

/// <summary>Something that happened, written in the same transaction as the change: exactly one per change.</summary>
public sealed class WebhookEvent
{
    private WebhookEvent()
    {
    }

    public long Id { get; private set; }

    public string Type { get; private set; } = "";

    /// <summary>The organization the event is about; endpoints of it and its ancestors hear of it.</summary>
    public int SubjectOrganizationId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    /// <summary>The event's data as a JSON object (the delivered body wraps it with id, type and time).</summary>
    public string Data { get; private set; } = "";

    public static WebhookEvent Occur(string type, int subjectOrganizationId, string data, DateTime now) => new()
    {
        Type = type,
        SubjectOrganizationId = subjectOrganizationId,
        OccurredAt = now,
        Data = data,
    };
}
