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

    /// <summary>
    /// Loads every key of <paramref name="keys"/> in one batch with whatever else is pending, and hands the values,
    /// in the keys' order, through <paramref name="map"/>.
    /// </summary>
    public IDataLoaderResult<TResult> LoadMany<TResult>(IReadOnlyList<TKey> keys, Func<IReadOnlyList<TValue?>, TResult> map)
    {
        foreach (var key in keys)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new PendingMany<TResult>(this, keys, map);
    }

    public void Clear() => _loaded.Clear();

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(key, out var value))
        {
            return value;
        }

        _pending.Add(key);
        await FetchPendingAsync(cancellationToken);
        return _loaded[key];
    }

    private async Task FetchPendingAsync(CancellationToken cancellationToken)
    {
        var keys = _pending.ToList();
        _pending.Clear();
        var found = await fetch(keys, cancellationToken);
        _loaded.EnsureCapacity(_loaded.Count + keys.Count);
        foreach (var k in keys)
        {
            _loaded[k] = found.TryGetValue(k, out var v) ? v : missing is null ? default : missing();
        }
    }

    private async Task<IReadOnlyList<TValue?>> GetManyAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var anyUnloaded = false;
        foreach (var key in keys)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
                anyUnloaded = true;
            }
        }

        if (anyUnloaded)
        {
            await FetchPendingAsync(cancellationToken);
        }

        var values = new TValue?[keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _loaded[keys[i]];
        }

        return values;
    }

    private sealed class Pending<TResult>(BatchLoader<TKey, TValue> loader, TKey key, Func<TValue?, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await loader.GetAsync(key, cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class PendingMany<TResult>(BatchLoader<TKey, TValue> loader, IReadOnlyList<TKey> keys, Func<IReadOnlyList<TValue?>, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await loader.GetManyAsync(keys, cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
