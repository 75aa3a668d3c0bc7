using Entitle.Domain.Webhooks;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookDeliveryStatusGraphType : LowerCaseEnumGraphType<DeliveryStatus>
{
    public WebhookDeliveryStatusGraphType() => Name = "WebhookDeliveryStatus";
}
