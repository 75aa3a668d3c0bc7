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
    }
}
