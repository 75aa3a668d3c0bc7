using Entitle.Domain.Webhooks;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookAttemptGraphType : ObjectGraphType<WebhookAttempt>
{
    public WebhookAttemptGraphType()
    {
        Name = "WebhookAttempt";
        Field<NonNullGraphType<DateTimeGraphType>>("attemptedAt").Resolve(c => c.Source.AttemptedAt);
        Field(a => a.ResponseCode, nullable: true).Description("The receiver's HTTP status; null when it did not answer.");
        Field(a => a.Error, nullable: true);
        Field(a => a.Succeeded);
        Field(a => a.DurationMilliseconds);
    }
}
