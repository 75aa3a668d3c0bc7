using Entitle.Api.GraphQL.Accounts;
using Entitle.Api.GraphQL.Connections;
using Entitle.Application.Webhooks;
using Entitle.Domain.Webhooks;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.GraphQL.Webhooks;

public sealed class WebhookGraphType : ObjectGraphType<WebhookEndpoint>
{
    public WebhookGraphType()
    {
        Name = "Webhook";
        Description = "An endpoint that is told about changes in its account and the accounts below it.";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.Webhook, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field<AccountGraphType>("account").Resolve(c => c.Loaders().Organizations.Load(c.Source.OrganizationId));
        Field(e => e.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("eventTypes").Resolve(c => c.Source.EventTypeList);
        Field(e => e.Enabled);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<ConnectionGraphType<WebhookDeliveryGraphType>>>("deliveries")
            .Description("This endpoint's deliveries, newest first.")
            .Arguments(ListArguments.Paging())
            .ResolveAsync(async c =>
            {
                var paging = Paging.From(c);
                var query = c.Service<WebhookQueries>().Deliveries(c.Caller()).Where(d => d.EndpointId == c.Source.Id);
                var total = ListQuery.AsksForPageInfo(c) ? await query.CountAsync(c.CancellationToken) : (int?)null;
                var page = await query.OrderByDescending(d => d.Id).Skip(paging.Skip).Take(paging.Take).ToListAsync(c.CancellationToken);
                return new ListPage(page, paging.Skip, total);
            });
    }
}
