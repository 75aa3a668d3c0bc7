using Entitle.Application.Webhooks;
using Entitle.Domain.Webhooks;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryGraphType()
    {
        Name = "WebhookDelivery";
        Description = "One event on its way to one endpoint, with every attempt so far.";
        Field<NonNullGraphType<StringGraphType>>("legacyId").Resolve(c => c.Source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<WebhookGraphType>>("webhook").Resolve(c => c.Loaders().Webhooks.Load(c.Source.EndpointId));
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(c => c.Source.Event!.Type);
        Field<NonNullGraphType<DateTimeGraphType>>("occurredAt").Resolve(c => c.Source.Event!.OccurredAt);
        Field<NonNullGraphType<StringGraphType>>("body").Description("The JSON body delivered (and signed).").Resolve(c => WebhookDispatcher.Body(c.Source.Event!));
        Field<NonNullGraphType<WebhookDeliveryStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(d => d.Attempts);
        Field<DateTimeGraphType>("nextAttemptAt").Description("When the next attempt is due; null once delivered or failed.")
            .Resolve(c => c.Source.Status == DeliveryStatus.Pending ? c.Source.NextAttemptAt : null);
        Field<DateTimeGraphType>("lastAttemptAt").Resolve(c => c.Source.LastAttemptAt);
        Field(d => d.LastResponseCode, nullable: true);
        Field(d => d.LastError, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookAttemptGraphType>>>>("attemptLog")
            .Description("Every attempt, oldest first.")
            .Resolve(c => c.Loaders().AttemptsByDelivery.Load(c.Source.Id));
    }
}
