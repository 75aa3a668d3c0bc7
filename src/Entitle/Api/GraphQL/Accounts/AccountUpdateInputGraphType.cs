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
    }
}
