using Entitle.Api.GraphQL.Mutations;
using Entitle.Application.Contacts;

namespace Entitle.Api.GraphQL.Contacts;

/// <summary><c>mutation { contact { create update } }</c>.</summary>
public sealed class ContactMutationsGraphType : MutationNamespaceGraphType
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["firstName"] = "personalName.firstName",
        ["lastName"] = "personalName.lastName",
    };

    public ContactMutationsGraphType()
    {
        Name = "ContactMutations";

        Mutation<PayloadGraphType<ContactGraphType>, ContactCreateInputGraphType>(
            "create",
            async (input, caller, c, ct) =>
            {
                var name = input.Nested("personalName");
                var changes = new ContactChanges(
                    name?.Text("firstName"),
                    name?.Text("lastName"),
                    input.Text("emailAddress"),
                    input.OptionalId("accountId", GlobalId.Organisation, "account"));
                return await c.Service<ContactService>().CreateAsync(caller, changes, ct);
            },
            Labels);

        Mutation<PayloadGraphType<ContactGraphType>, ContactUpdateInputGraphType>(
            "update",
            async (input, caller, c, ct) =>
            {
                var contactId = input.Id("contactId", GlobalId.Person, "contact");
                var name = input.Nested("personalName");
                var changes = new ContactChanges(
                    name?.Text("firstName"),
                    name?.Text("lastName"),
                    input.Has("emailAddress") ? input.Text("emailAddress") ?? "" : null,
                    input.OptionalId("accountId", GlobalId.Organisation, "account"));
                return await c.Service<ContactService>().UpdateAsync(caller, contactId, changes, ct);
            },
            Labels);
    }
}
