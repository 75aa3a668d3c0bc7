using GraphQL.Types;

namespace Entitle.Api.GraphQL.Accounts;

public sealed class AccountCreateInputGraphType : InputObjectGraphType
{
    public AccountCreateInputGraphType()
    {
        Name = "AccountCreateInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<IdGraphType>("parentId").Description("The parent account; defaults to the caller's own.");
        Field<StringGraphType>("externalId");
        Field<StringGraphType>("currencyCode").Description("The ISO 4217 currency prices are quoted in for this account (TMS's profile Price); defaults to the parent's.");
    }
}
