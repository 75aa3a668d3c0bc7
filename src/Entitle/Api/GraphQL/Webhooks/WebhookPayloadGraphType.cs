using Entitle.Api.GraphQL.Mutations;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookPayloadGraphType : ObjectGraphType<MutationPayload>
{
    public WebhookPayloadGraphType()
    {
        Name = "WebhookPayload";
        Field<WebhookGraphType>("webhook").Resolve(c => c.Source.Value);
        Field<StringGraphType>("secret")
            .Description("The signing secret, shown when the webhook is created or its secret rotated. Deliveries carry X-Entitle-Signature: sha256=<hex HMAC-SHA256 of the body>.")
            .Resolve(c => c.Source.Credential);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MutationErrorGraphType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}
