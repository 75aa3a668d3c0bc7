using GraphQL.Types;

namespace Entitle.Api.GraphQL.Accounts;

public sealed class AccountRotateCredentialInputGraphType : InputObjectGraphType
{
    public AccountRotateCredentialInputGraphType()
    {
        Name = "AccountRotateCredentialInput";
        Field<IdGraphType>("accountId").Description("The account whose credential is replaced; the caller's own by default.");
    }
}
