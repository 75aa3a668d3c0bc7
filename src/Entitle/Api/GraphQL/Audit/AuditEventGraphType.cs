using Entitle.Api.GraphQL.Accounts;
using Entitle.Domain.Audit;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Audit;

public sealed class AuditEventGraphType : ObjectGraphType<AuditEvent>
{
    public AuditEventGraphType()
    {
        Name = "AuditEvent";
        Description = "One recorded change, written in the same transaction as the change.";
        Field<NonNullGraphType<StringGraphType>>("legacyId").Description("The event's number (a 64-bit integer, as a string).").Resolve(c => c.Source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<DateTimeGraphType>>("occurredAt").Resolve(c => c.Source.OccurredAt);
        Field(e => e.EntityType).Description("TrainingPassType, TrainingPassTypeOption, TrainingPassTypeOptionPrice, TrainingPassTypeContent, TrainingPass, TrainingKey, TrainingKeyBatch, Organization or Credential.");
        Field(e => e.EntityId).Description("The changed row's number (for TrainingPassTypeContent, the type's).");
        Field(e => e.Action).Description("created, updated, deleted, added, removed, minted or redeemed.");
        Field<AccountGraphType>("actor").Description("The account whose credential made the change, when the caller may see it.")
            .Resolve(c => c.Source.ActorOrganizationId is { } id ? c.Loaders().Organizations.Load(id) : null);
        Field(e => e.ActorCredentialId, nullable: true).Description("The number of the credential that made the change.");
        Field<AccountGraphType>("account").Description("The account that owns what changed.")
            .Resolve(c => c.Source.SubjectOrganizationId is { } id ? c.Loaders().Organizations.Load(id) : null);
        Field(e => e.Before, nullable: true).Description("The changed values before the change, as a JSON object.");
        Field(e => e.After, nullable: true).Description("The changed values after the change, as a JSON object.");
    }
}
