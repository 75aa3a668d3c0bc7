using System.Linq.Expressions;

namespace Entitle.Api.GraphQL.Filtering;

/// <summary>
/// The filterable fields of one list. Fields may depend on the request's clock (a pass is expired relative to
/// now), so they are built per request from a <see cref="FilterScope"/>.
/// </summary>
public abstract class FilterFieldSet<T>
{
    /// <summary>The order lists fall back on, and the tie-breaker after any requested order: creation order.</summary>
    public abstract LambdaExpression DefaultOrder { get; }

    public abstract IReadOnlyList<FilterField<T>> Fields(FilterScope scope);

    /// <summary>The wire names, for the field enum of the schema.</summary>
    public IReadOnlyList<string> Names => Fields(FilterScope.ForSchema).Select(f => f.Name).ToList();

    public FilterField<T>? Find(FilterScope scope, string name) => Fields(scope).FirstOrDefault(f => f.Name == name);

    protected static LambdaExpression Key<TKey>(Expression<Func<T, TKey>> selector) => selector;
}
