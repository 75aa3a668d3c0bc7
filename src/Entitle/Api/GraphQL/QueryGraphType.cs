using Entitle.Api.GraphQL.Accounts;
using Entitle.Api.GraphQL.Catalog;
using Entitle.Api.GraphQL.Connections;
using Entitle.Api.GraphQL.Contacts;
using Entitle.Api.GraphQL.Passes;
using Entitle.Api.GraphQL.PassTypes;
using Entitle.Application.Catalog;
using Entitle.Application.Contacts;
using Entitle.Application.Organizations;
using Entitle.Application.Passes;
using Entitle.Application.PassTypes;
using Entitle.Domain.Catalog;
using GraphQL;
using GraphQL.Types;

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

        Field<NonNullGraphType<ConnectionGraphType<CurrencyGraphType>>>("currencies")
            .Description("The ISO 4217 currencies Entitle prices in.")
            .Arguments(ListArguments.Paging())
            .Resolve(c => ListPage.Of(Currencies.All, Paging.From(c)));

        Field<NodeGraphType>("node")
            .Description("Any object by its global id.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await NodeResolver.ResolveAsync(c, c.GetArgument<string>("id")));
    }
}
