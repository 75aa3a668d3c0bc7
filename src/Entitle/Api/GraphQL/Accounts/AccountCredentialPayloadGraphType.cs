using Entitle.Api.GraphQL.Mutations;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Accounts;

public sealed class AccountCredentialPayloadGraphType : ObjectGraphType<MutationPayload>
{
    public AccountCredentialPayloadGraphType()
    {
        Name = "AccountCredentialPayload";
        Field<AccountGraphType>("account").Resolve(c => c.Source.Value);
        Field<StringGraphType>("credential")
            .Description("The new account's credential (bearer token and api_key). Shown this once; Entitle keeps only a hash.")
            .Resolve(c => c.Source.Credential);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MutationErrorGraphType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}
