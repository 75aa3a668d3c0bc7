using Entitle.Api.GraphQL.Filtering;
using Entitle.Persistence;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.GraphQL.Connections;

/// <summary>
/// A root list: the caller's rows, filtered, ordered and paged in the database. Two statements: the count for
/// <c>totalRecords</c> and the page itself.
/// </summary>
public static class ListQuery
{
    public static async Task<ListPage> PageAsync<T>(IResolveFieldContext context, IQueryable<T> source, FilterFieldSet<T> fields)
        where T : class
    {
        var scope = new FilterScope(context.Entitle().Now, context.Service<EntitleDbContext>());
        var filtered = FilterBinder.Apply(source, fields, scope, context.GetArgument<List<FilterInput>?>("filters"));
        var ordered = FilterBinder.Order(filtered, fields, scope, context.GetArgument<OrderInput?>("order"));
        var paging = Paging.From(context);
        var total = await filtered.CountAsync(context.CancellationToken);
        var page = paging.Take == 0 || paging.Skip >= total
            ? []
            : await ordered.Skip(paging.Skip).Take(paging.Take).ToListAsync(context.CancellationToken);
        return new ListPage(page, paging.Skip, total);
    }
}
