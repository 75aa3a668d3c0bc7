using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Audit;

namespace Entitle.Api.GraphQL.Audit;

public sealed class AuditEventFilterFields : FilterFieldSet<AuditEvent>
{
    public static AuditEventFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(e => e.Id);

    public override IReadOnlyList<FilterField<AuditEvent>> Fields(FilterScope scope) =>
    [
        FilterField<AuditEvent>.Of("occurredAt", e => e.OccurredAt, FilterValueKind.Instant),
        FilterField<AuditEvent>.Of("entityType", e => e.EntityType, FilterValueKind.Text),
        FilterField<AuditEvent>.Of("entityId", e => e.EntityId, FilterValueKind.Text),
        FilterField<AuditEvent>.Of("action", e => e.Action, FilterValueKind.Text),
        FilterField<AuditEvent>.Of("accountId", e => e.SubjectOrganizationId, FilterValueKind.Id, GlobalId.Organisation),
        FilterField<AuditEvent>.Of("actorId", e => e.ActorOrganizationId, FilterValueKind.Id, GlobalId.Organisation),
    ];
}
