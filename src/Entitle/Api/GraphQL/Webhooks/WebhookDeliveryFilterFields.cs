using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Webhooks;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookDeliveryFilterFields : FilterFieldSet<WebhookDelivery>
{
    public static WebhookDeliveryFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(d => d.Id);

    public override IReadOnlyList<FilterField<WebhookDelivery>> Fields(FilterScope scope) =>
    [
        FilterField<WebhookDelivery>.Of("webhookId", d => d.EndpointId, FilterValueKind.Id, GlobalId.Webhook),
        FilterField<WebhookDelivery>.Of("status", d => d.Status, FilterValueKind.Enum),
        FilterField<WebhookDelivery>.Of("eventType", d => d.Event!.Type, FilterValueKind.Text),
        FilterField<WebhookDelivery>.Of("createdAt", d => d.CreatedAt, FilterValueKind.Instant),
        FilterField<WebhookDelivery>.Of("nextAttemptAt", d => d.NextAttemptAt, FilterValueKind.Instant),
    ];
}
