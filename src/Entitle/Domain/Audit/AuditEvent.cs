namespace Entitle.Domain.Audit;

/// <summary>
/// One recorded change: what (entity and action), who (the organization and credential that made it), when, and
/// the values before and after, written in the same transaction as the change itself.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public int? ActorOrganizationId { get; private set; }

    public int? ActorCredentialId { get; private set; }

    /// <summary>The organization that owns what changed; events are visible to it and its ancestors.</summary>
    public int? SubjectOrganizationId { get; private set; }

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public string Action { get; private set; } = "";

    /// <summary>The changed values before the change, as a JSON object; null for a creation.</summary>
    public string? Before { get; private set; }

    /// <summary>The changed values after the change, as a JSON object; null for a deletion.</summary>
    public string? After { get; private set; }

    public static AuditEvent Record(DateTime now, int? actorOrganizationId, int? actorCredentialId, int? subjectOrganizationId, string entityType, string entityId, string action, string? before, string? after) => new()
    {
        OccurredAt = now,
        ActorOrganizationId = actorOrganizationId,
        ActorCredentialId = actorCredentialId,
        SubjectOrganizationId = subjectOrganizationId,
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        Before = before,
        After = after,
    };
}
