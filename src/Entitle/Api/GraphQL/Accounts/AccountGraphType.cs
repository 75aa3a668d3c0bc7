using Entitle.Domain.Organizations;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Accounts;

public sealed class AccountGraphType : ObjectGraphType<Organization>
{
    public AccountGraphType()
    {
        Name = "Account";
        Description = "An organization. Each has its own credential and sees only itself and the accounts below it.";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.Organisation, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field(o => o.Name);
        Field(o => o.ExternalId, nullable: true);
        Field(o => o.CurrencyCode).Description("The ISO 4217 currency prices are quoted in for this account.");
        Field<AccountGraphType>("parent").Description("The parent account, when the caller may see it.")
            .Resolve(c => c.Source.ParentId is { } id ? c.Loaders().Organizations.Load(id) : null);
        Field<NonNullGraphType<BooleanGraphType>>("hasActiveTrainingPass").Description("Whether a contact of this account holds a pass valid now.")
            .Resolve(c => c.Loaders().AccountHasActivePass.Load(c.Source.Id));
    }
}
