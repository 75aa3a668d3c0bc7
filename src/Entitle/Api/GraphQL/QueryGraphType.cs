using Entitle.Api.GraphQL.Access;
using Entitle.Api.GraphQL.Accounts;
using Entitle.Api.GraphQL.Audit;
using Entitle.Api.GraphQL.Catalog;
using Entitle.Api.GraphQL.Connections;
using Entitle.Api.GraphQL.Contacts;
using Entitle.Api.GraphQL.Passes;
using Entitle.Api.GraphQL.Webhooks;
using Entitle.Api.GraphQL.PassTypes;
using Entitle.Application.Audit;
using Entitle.Application.Catalog;
using Entitle.Application.Contacts;
using Entitle.Application.Organizations;
using Entitle.Application.Passes;
using Entitle.Application.PassTypes;
using Entitle.Application.Webhooks;
using Entitle.Domain.Catalog;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.GraphQL;

/// <summary>The query roots. Each list is the caller's rows only, filtered, ordered and paged in SQL.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";

        Field<NonNullGraphType<ConnectionGraphType<TrainingPassTypeGraphType>>>("trainingPassTypes")
            .Arguments(ListArguments.Filtered<TrainingPassTypeFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<PassTypeQueries>().Readable(c.Caller()), PassTypeFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<TrainingPassGraphType>>>("trainingPasses")
            .Arguments(ListArguments.Filtered<TrainingPassFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<PassQueries>().Visible(c.Caller()), PassFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<ContactGraphType>>>("contacts")
            .Arguments(ListArguments.Filtered<ContactFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<ContactQueries>().Visible(c.Caller()), ContactFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<AccountGraphType>>>("accounts")
            .Arguments(ListArguments.Filtered<AccountFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<OrganizationQueries>().Visible(c.Caller()), AccountFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<CourseTemplateGraphType>>>("courseTemplates")
            .Arguments(ListArguments.Filtered<CourseTemplateFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<CatalogQueries>().CourseTemplates(c.Caller()), CourseTemplateFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<LearningPathGraphType>>>("learningPaths")
            .Arguments(ListArguments.Filtered<LearningPathFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<CatalogQueries>().LearningPaths(c.Caller()), LearningPathFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<RegionGraphType>>>("regions")
            .Arguments(ListArguments.Filtered<RegionFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<CatalogQueries>().Regions(), RegionFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<AuditEventGraphType>>>("auditEvents")
            .Description("Recorded changes to pass types, options, prices, passes, keys and organizations inside the caller's reach, oldest first.")
            .Arguments(ListArguments.Filtered<AuditEventFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<AuditQueries>().Visible(c.Caller()), AuditEventFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<WebhookGraphType>>>("webhooks")
            .Description("The webhook endpoints of the caller's account and the accounts below it.")
            .Arguments(ListArguments.Paging())
            .ResolveAsync(async c =>
            {
                var paging = Paging.From(c);
                var endpoints = await c.Service<WebhookQueries>().Endpoints(c.Caller()).OrderBy(e => e.Id).ToListAsync(c.CancellationToken);
                return ListPage.Of(endpoints, paging);
            });

        Field<NonNullGraphType<ConnectionGraphType<WebhookDeliveryGraphType>>>("webhookDeliveries")
            .Description("Deliveries to the caller's webhook endpoints, with every attempt.")
            .Arguments(ListArguments.Filtered<WebhookDeliveryFieldGraphType>())
            .ResolveAsync(async c => await ListQuery.PageAsync(c, c.Service<WebhookQueries>().Deliveries(c.Caller()), WebhookDeliveryFilterFields.Instance));

        Field<NonNullGraphType<ConnectionGraphType<CurrencyGraphType>>>("currencies")
            .Description("The ISO 4217 currencies Entitle prices in.")
            .Arguments(ListArguments.Paging())
            .Resolve(c => ListPage.Of(Currencies.All, Paging.From(c)));

        Field<NonNullGraphType<ContentAccessGraphType>>("contentAccess")
            .Description("Whether a learner may start a course or learning path at an instant (now when omitted), and why.")
            .Argument<NonNullGraphType<IdGraphType>>("contactId")
            .Argument<NonNullGraphType<IdGraphType>>("contentId", "A CourseTemplate or LearningPath id.")
            .Argument<DateTimeGraphType>("at")
            .ResolveAsync(async c => await ContentAccessResolver.ResolveAsync(c));

        Field<NodeGraphType>("node")
            .Description("Any object by its global id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await NodeResolver.ResolveAsync(c, c.GetArgument<string>("id")));
    }
}
