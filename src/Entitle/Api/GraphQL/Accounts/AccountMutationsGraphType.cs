using Entitle.Api.GraphQL.Mutations;
using Entitle.Application.Organizations;

namespace Entitle.Api.GraphQL.Accounts;

/// <summary><c>mutation { account { create update } }</c>: organizations below the caller's own.</summary>
public sealed class AccountMutationsGraphType : MutationNamespaceGraphType
{
    private static readonly Dictionary<string, string> Labels = new() { ["organizationId"] = "accountId", ["currency"] = "currencyCode" };

    public AccountMutationsGraphType()
    {
        Name = "AccountMutations";

        Mutation<AccountCredentialPayloadGraphType, AccountCreateInputGraphType>("create", async (input, caller, c, ct) =>
        {
            var created = await c.Service<OrganizationService>().CreateAsync(
                caller,
                input.OptionalId("parentId", GlobalId.Organisation, "account"),
                new OrganizationDetails(input.Text("name"), input.Text("externalId"), CurrencyCode: input.Text("currencyCode")),
                ct);
            return new MutationPayload(created.Organization, [], created.Credential);
        },
        Labels);

        Mutation<AccountCredentialPayloadGraphType, AccountRotateCredentialInputGraphType>(
            "rotateCredential",
            async (input, caller, c, ct) =>
            {
                var rotated = await c.Service<OrganizationService>().RotateCredentialAsync(
                    caller, input.OptionalId("accountId", GlobalId.Organisation, "account") ?? caller.OrganizationId, ct);
                return new MutationPayload(rotated.Organization, [], rotated.Credential);
            },
            Labels);

        Mutation<PayloadGraphType<AccountGraphType>, AccountUpdateInputGraphType>(
            "update",
            async (input, caller, c, ct) =>
                await c.Service<OrganizationService>().UpdateAsync(
                    caller,
                    input.Id("accountId", GlobalId.Organisation, "account"),
                    new OrganizationDetails(input.Text("name"), input.Text("externalId"), CurrencyCode: input.Text("currencyCode")),
                    ct),
            Labels);
    }
}
