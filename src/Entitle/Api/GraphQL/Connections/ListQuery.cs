using Entitle.Api.GraphQL.Filtering;
using Entitle.Persistence;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.GraphQL.Connections;

/// <summary>
/// A root list: the caller's rows, filtered, ordered and paged in the database. Two statements: the count, only when
/// <c>pageInfo</c> is asked for (over a million passes it costs more than the page), and the page itself.
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
        var total = AsksForPageInfo(context) ? await filtered.CountAsync(context.CancellationToken) : (int?)null;
        var page = paging.Take == 0 || paging.Skip >= total
            ? []
            : await ordered.Skip(paging.Skip).Take(paging.Take).ToListAsync(context.CancellationToken);
        return new ListPage(page, paging.Skip, total);
    }

    /// <summary>Whether the selection reads the list's length (<c>pageInfo</c>: its total and whether a next page exists), through fragments too.</summary>
    public static bool AsksForPageInfo(IResolveFieldContext context) =>
        context.SubFields?.Values.Any(f => f.FieldType.Name == "pageInfo") ?? true;
}
