using GraphQL.Types;

namespace Entitle.Api.GraphQL.Accounts;

public sealed class AccountUpdateInputGraphType : InputObjectGraphType
{
    public AccountUpdateInputGraphType()
    {
        Name = "AccountUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("accountId");
        Field<StringGraphType>("name");
        Field<StringGraphType>("externalId");
        Field<StringGraphType>("currencyCode").Description("The ISO 4217 currency prices are quoted in for this account (TMS's profile Price); defaults to the parent's.");
    }
}
