using GraphQL.Types;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookDeleteInputGraphType : InputObjectGraphType
{
    public WebhookDeleteInputGraphType()
    {
        Name = "WebhookDeleteInput";
        Field<NonNullGraphType<IdGraphType>>("webhookId");
    }
}
