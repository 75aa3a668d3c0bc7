using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.Tms;

/// <summary>
/// The search convention of every TMS Search* method: 0-based <c>pageIndex</c>, <c>pageSize</c> (a default per
/// method, at most 1,000), <c>sort</c> as a field name optionally followed by <c>DESC</c> or <c>ASC</c>; the
/// answer carries <c>TotalCount</c>, <c>TotalPages</c> and <c>Results</c>. Two statements: the count and the page.
/// </summary>
public static class TmsSearch
{
    public const int MaxPageSize = 1000;

    public static IEnumerable<TmsParameter> Parameters(int defaultPageSize, string defaultSort, IEnumerable<string> sorts) =>
    [
        TmsParameter.Optional("pageIndex", TmsType.Number, "The 0-based page to return.", "0"),
        TmsParameter.Optional("pageSize", TmsType.Number, $"How many records a page holds, at most {MaxPageSize}.", defaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        TmsParameter.Optional("sort", TmsType.Text, $"The field to sort by, optionally followed by DESC: one of {string.Join(", ", sorts)}.", defaultSort),
    ];

    public static IReadOnlyList<TmsField> Answer(string recordSchema) =>
    [
        new("TotalCount", "integer", "How many records match, on every page together."),
        new("TotalPages", "integer", "How many pages of pageSize records that makes."),
        new("Results", $"array:{recordSchema}", "This page's records."),
    ];

    public static async Task<TmsAnswer> PageAsync<T, TRecord>(
        TmsCall call,
        IQueryable<T> query,
        IReadOnlyDictionary<string, LambdaExpression> sorts,
        string defaultSort,
        int defaultPageSize,
        Expression<Func<T, int>> id,
        Func<List<T>, Task<IReadOnlyList<TRecord>>> toRecords)
    {
        var pageIndex = call.Number("pageIndex") ?? 0;
        var pageSize = call.Number("pageSize") ?? defaultPageSize;
        if (pageIndex < 0)
        {
            throw new TmsRequestException("The parameter pageIndex must be 0 or more.");
        }

        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            throw new TmsRequestException($"The parameter pageSize must be from 1 to {MaxPageSize}.");
        }

        var (key, descending) = Sort(call.Text("sort") ?? defaultSort, sorts);
        var ordered = Order(query, key, descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy));
        ordered = Order(ordered, id, descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy));

        var total = await query.CountAsync(call.CancellationToken);
        var skip = (long)pageIndex * pageSize;
        var rows = skip >= total ? [] : await ordered.Skip((int)skip).Take(pageSize).ToListAsync(call.CancellationToken);
        return TmsAnswer.With("TotalCount", total)
            .And("TotalPages", (total + pageSize - 1) / pageSize)
            .And("Results", await toRecords(rows));
    }

    private static (LambdaExpression Key, bool Descending) Sort(string text, IReadOnlyDictionary<string, LambdaExpression> sorts)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var direction = parts.Length == 2 ? parts[1].ToUpperInvariant() : "ASC";
        var key = parts.Length is 1 or 2 ? sorts.FirstOrDefault(s => s.Key.Equals(parts[0], StringComparison.OrdinalIgnoreCase)).Value : null;
        if (key is null || direction is not ("ASC" or "DESC"))
        {
            throw new TmsRequestException($"The parameter sort must be one of {string.Join(", ", sorts.Keys)}, optionally followed by DESC or ASC.");
        }

        return (key, direction == "DESC");
    }

    private static IQueryable<T> Order<T>(IQueryable<T> source, LambdaExpression key, string method) =>
        source.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key)));
}
