using GraphQL.Types;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookCreateInputGraphType : InputObjectGraphType
{
    public WebhookCreateInputGraphType()
    {
        Name = "WebhookCreateInput";
        Field<NonNullGraphType<StringGraphType>>("url").Description("An absolute http or https address.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("eventTypes")
            .Description("pass.issued, pass.renewed, pass.revoked, pass.reassigned, pass.expiring, pass.expired, key.redeemed, keys.minted, course.started.");
        Field<BooleanGraphType>("enabled").DefaultValue(true);
        Field<IdGraphType>("accountId").Description("The account the endpoint belongs to; the caller's own by default.");
    }
}
