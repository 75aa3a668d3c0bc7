using Entitle.Api.GraphQL.Mutations;
using Entitle.Application.Webhooks;

namespace Entitle.Api.GraphQL.Webhooks;

/// <summary><c>mutation { webhooks { create update delete } }</c>.</summary>
public sealed class WebhookMutationsGraphType : MutationNamespaceGraphType
{
    private static readonly Dictionary<string, string> Labels = new() { ["organizationId"] = "accountId" };

    public WebhookMutationsGraphType()
    {
        Name = "WebhookMutations";

        Mutation<WebhookPayloadGraphType, WebhookCreateInputGraphType>(
            "create",
            async (input, caller, c, ct) =>
            {
                var endpoint = await c.Service<WebhookService>().CreateAsync(
                    caller, input.OptionalId("accountId", GlobalId.Organisation, "account"), input.Text("url"), input.Texts("eventTypes"), input.Flag("enabled") ?? true, ct);
                return new MutationPayload(endpoint, [], endpoint.Secret);
            },
            Labels);

        Mutation<WebhookPayloadGraphType, WebhookUpdateInputGraphType>("update", async (input, caller, c, ct) =>
        {
            var rotate = input.Flag("rotateSecret") ?? false;
            var endpoint = await c.Service<WebhookService>().UpdateAsync(
                caller, input.Id("webhookId", GlobalId.Webhook, "webhook"), input.Text("url"), input.Texts("eventTypes"), input.Flag("enabled"), rotate, ct);
            return new MutationPayload(endpoint, [], rotate ? endpoint.Secret : null);
        });

        Mutation<WebhookPayloadGraphType, WebhookDeleteInputGraphType>("delete", async (input, caller, c, ct) =>
            new MutationPayload(await c.Service<WebhookService>().DeleteAsync(caller, input.Id("webhookId", GlobalId.Webhook, "webhook"), ct), []));
    }
}
