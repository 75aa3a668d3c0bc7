using System.Linq.Expressions;

namespace Entitle.Api.GraphQL.Filtering;

/// <summary>
/// A field a list can be filtered and ordered by: its wire name, how to compute it in SQL, and how to read the
/// client's string value for it.
/// </summary>
public sealed record FilterField<T>(string Name, LambdaExpression Selector, FilterValueKind Kind, string? IdPrefix = null)
{
    public static FilterField<T> Of<TValue>(string name, Expression<Func<T, TValue>> selector, FilterValueKind kind, string? idPrefix = null) =>
        new(name, selector, kind, idPrefix);
}
