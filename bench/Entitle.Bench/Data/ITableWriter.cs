using System.Data.Common;

namespace Entitle.Bench.Data;

/// <summary>
/// Writes generated rows straight into a migrated, empty database, as fast as the provider allows: one open
/// transaction with one prepared statement per table on SQLite, one binary COPY per table on PostgreSQL.
/// </summary>
public interface ITableWriter : IAsyncDisposable
{
    /// <summary>The transaction the rows are written in, for the rows a use case writes beside them (a bulk insert's audit event).</summary>
    DbTransaction Transaction { get; }

    Task WriteAsync(TableShape table, IEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Commits the rows written so far, and nothing else: what a bulk insert inside a use case ends with.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Reserves <paramref name="count"/> consecutive new ids of <paramref name="table"/> inside the transaction; answers the first.</summary>
    Task<int> ReserveIdsAsync(TableShape table, int count, CancellationToken cancellationToken);

    /// <summary>Commits, moves the identity sequences past the written ids and refreshes the planner's statistics.</summary>
    Task CompleteAsync(IEnumerable<TableShape> tables, CancellationToken cancellationToken);
}
