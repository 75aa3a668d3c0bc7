using GraphQL;

namespace Entitle.Api.GraphQL.Connections;

/// <summary>
/// Where a page starts and how long it is, from <c>first</c> (default 20, at most 100), <c>offset</c> and
/// <c>after</c>. With both, the page starts <c>offset</c> items after the <c>after</c> cursor.
/// </summary>
public readonly record struct Paging(int Skip, int Take)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static Paging From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var offset = context.GetArgument<int?>("offset");
        var after = context.GetArgument<string?>("after");
        if (first < 0)
        {
            throw new ExecutionError("first must not be negative.") { Code = "INVALID_ARGUMENT" };
        }

        if (offset < 0)
        {
            throw new ExecutionError("offset must not be negative.") { Code = "INVALID_ARGUMENT" };
        }

        var start = 0L;
        if (after is not null)
        {
            start = (Cursors.Decode(after) ?? throw new ExecutionError($"after: \"{after}\" is not a cursor of this list.") { Code = "INVALID_ARGUMENT" }) + 1L;
        }

        start += offset ?? 0;
        return new Paging((int)Math.Min(start, int.MaxValue), Math.Min(first ?? DefaultPageSize, MaxPageSize));
    }
}
