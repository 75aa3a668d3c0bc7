using GraphQL.Types;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookUpdateInputGraphType : InputObjectGraphType
{
    public WebhookUpdateInputGraphType()
    {
        Name = "WebhookUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("webhookId");
        Field<StringGraphType>("url");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("eventTypes");
        Field<BooleanGraphType>("enabled");
        Field<BooleanGraphType>("rotateSecret").Description("Issue a new signing secret, shown once in the answer.");
    }
}
