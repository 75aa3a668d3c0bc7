using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Webhooks;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookDeliveryFieldGraphType() : FieldEnumGraphType<WebhookDelivery>("WebhookDeliveryField", WebhookDeliveryFilterFields.Instance);
