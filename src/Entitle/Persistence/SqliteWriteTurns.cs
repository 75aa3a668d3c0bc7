using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Entitle.Persistence;

/// <summary>
/// One writer at a time per SQLite file, queued in the process. SQLite admits one write transaction at a time;
/// without a queue, the others are refused with SQLITE_BUSY and Microsoft.Data.Sqlite retries them after sleeping
/// on a thread, which under 16 concurrent writers cost seconds at the 99th percentile and starved the thread pool
/// (docs/benchmarks.md). Waiting here is asynchronous and first come, first served. Another process writing the same
/// file still meets SQLite's busy timeout, as before.
/// </summary>
public static class SqliteWriteTurns
{
    /// <summary>
    /// After this long the writer goes ahead without its turn and SQLite's own busy handling decides: a turn held
    /// for longer is a stuck holder, and waiting for ever would hang every writer behind it.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>The turn of each connection string's file (null: an in-memory database), so that the string is parsed once.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim?> ByConnectionString = new(StringComparer.Ordinal);

    /// <returns>The turn taken, to be released when the transaction ends; null when none was taken (in-memory databases, or after <see cref="MaxWait"/>).</returns>
    public static async Task<SemaphoreSlim?> TakeAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var turn = ByConnectionString.GetOrAdd(connectionString ?? "", static cs =>
        {
            var builder = new SqliteConnectionStringBuilder(cs);
            return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
                ? null
                : Turns.GetOrAdd(Path.GetFullPath(builder.DataSource), _ => new SemaphoreSlim(1, 1));
        });
        return turn is not null && await turn.WaitAsync(MaxWait, cancellationToken) ? turn : null;
    }
}
