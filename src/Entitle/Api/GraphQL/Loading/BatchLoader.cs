using GraphQL.DataLoader;

namespace Entitle.Api.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for while the engine walks one level of the document, then fetches them
/// all with one call when the first result is needed. The engine defers every <see cref="IDataLoaderResult"/>
/// until the other fields at that level are done, which is what makes the batch complete.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    Func<TValue?>? missing = null) : IBatchLoader
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue?> _loaded = [];
    private readonly HashSet<TKey> _pending = [];

    public IDataLoaderResult<TValue?> Load(TKey key) => Load(key, value => value);

    /// <summary>Loads <paramref name="key"/> and hands the value through <paramref name="map"/> (paging, wrapping).</summary>
    public IDataLoaderResult<TResult> Load<TResult>(TKey key, Func<TValue?, TResult> map)
    {
        if (!_loaded.ContainsKey(key))
        {
            _pending.Add(key);
        }

        return new Pending<TResult>(this, key, map);
    }

    public void Clear() => _loaded.Clear();

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(key, out var value))
        {
            return value;
        }

        _pending.Add(key);
        var keys = _pending.ToList();
        _pending.Clear();
        var found = await fetch(keys, cancellationToken);
        foreach (var k in keys)
        {
            _loaded[k] = found.TryGetValue(k, out var v) ? v : missing is null ? default : missing();
        }

        return _loaded[key];
    }

    private sealed class Pending<TResult>(BatchLoader<TKey, TValue> loader, TKey key, Func<TValue?, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await loader.GetAsync(key, cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
