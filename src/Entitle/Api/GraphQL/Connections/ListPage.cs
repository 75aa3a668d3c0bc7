namespace Entitle.Api.GraphQL.Connections;

/// <summary>
/// One page of a list: its nodes, where the page starts in the whole list, and how long the list is (counted only
/// when <c>pageInfo</c> is asked for: null otherwise, and then never read).
/// </summary>
public sealed record ListPage(IReadOnlyList<object> Nodes, int StartIndex, int? TotalRecords)
{
    public static ListPage Of<T>(IReadOnlyList<T> all, Paging paging)
        where T : notnull
    {
        var page = all.Skip(paging.Skip).Take(paging.Take).Cast<object>().ToList();
        return new ListPage(page, paging.Skip, all.Count);
    }
}
