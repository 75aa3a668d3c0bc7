namespace Entitle.Bench.Baseline;

/// <summary>One audit trail row a write baseline records, as the service records the same change.</summary>
public sealed record BaselineAuditEvent(string Action, string EntityType, int EntityId, int SubjectOrganizationId, string After);
