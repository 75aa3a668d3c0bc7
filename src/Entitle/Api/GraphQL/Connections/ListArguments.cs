using Entitle.Api.GraphQL.Filtering;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Connections;

/// <summary>The arguments every list takes.</summary>
public static class ListArguments
{
    /// <summary><c>first</c>, <c>offset</c> and <c>after</c>.</summary>
    public static QueryArgument[] Paging() =>
    [
        new QueryArgument<IntGraphType> { Name = "first", Description = $"How many items to return: {Connections.Paging.DefaultPageSize} when omitted, at most {Connections.Paging.MaxPageSize}." },
        new QueryArgument<IntGraphType> { Name = "offset", Description = "How many items to skip (counted after the cursor, when one is given)." },
        new QueryArgument<StringGraphType> { Name = "after", Description = "Start after the item with this cursor." },
    ];

    /// <summary>Paging plus <c>filters</c> and <c>order</c> over the list's field enum.</summary>
    public static QueryArgument[] Filtered<TFieldEnum>()
        where TFieldEnum : EnumerationGraphType =>
    [
        .. Paging(),
        new QueryArgument<ListGraphType<NonNullGraphType<FieldGraphFilterGraphType<TFieldEnum>>>> { Name = "filters", Description = "Conditions every returned item meets." },
        new QueryArgument<FieldGraphOrderGraphType<TFieldEnum>> { Name = "order", Description = "The order of the list; creation order when omitted." },
    ];
}
