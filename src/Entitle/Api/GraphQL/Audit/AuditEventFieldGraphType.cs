using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Audit;

namespace Entitle.Api.GraphQL.Audit;

public sealed class AuditEventFieldGraphType() : FieldEnumGraphType<AuditEvent>("AuditEventField", AuditEventFilterFields.Instance);
