using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Entitle.Bench.Data;

/// <summary>
/// One transaction for the whole load, one prepared INSERT per table. AUTOINCREMENT tables keep their sequence in
/// <c>sqlite_sequence</c>, which SQLite moves past explicit ids by itself.
/// </summary>
public sealed class SqliteTableWriter : ITableWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteTableWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Opens a transaction; with <paramref name="forLoad"/>, durability and foreign keys are off for the connection.</summary>
    public static async Task<SqliteTableWriter> OpenAsync(string connectionString, bool forLoad, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragmas = connection.CreateCommand())
        {
            if (!forLoad)
            {
                return new SqliteTableWriter(connection, (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken));
            }

            // Only for the load: a crash during it leaves a database nobody keeps anyway.
            pragmas.CommandText = "PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -200000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SqliteTableWriter(connection, (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken));
    }

    public async Task WriteAsync(TableShape table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var insert = _connection.CreateCommand();
        insert.Transaction = _transaction;
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = Value(table.Columns[i].Kind, row[i]);
            }

            insert.ExecuteNonQuery();
        }
    }

    public DbTransaction Transaction => _transaction;

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    /// <summary>The transaction holds SQLite's write lock, so the ids after the highest one used stay free until it ends.</summary>
    public async Task<int> ReserveIdsAsync(TableShape table, int count, CancellationToken cancellationToken)
    {
        await using var last = _connection.CreateCommand();
        last.Transaction = _transaction;
        last.CommandText = $"SELECT MAX(m) FROM (SELECT COALESCE(MAX(\"{table.IdentityColumn}\"), 0) AS m FROM \"{table.Name}\" UNION ALL SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}')";
        return Convert.ToInt32(await last.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
    }

    public async Task CompleteAsync(IEnumerable<TableShape> tables, CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken);
        await using var analyze = _connection.CreateCommand();
        analyze.CommandText = "PRAGMA foreign_keys = ON; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The stored form EF Core's SQLite provider reads back: instants as invariant text, booleans as 0/1.</summary>
    public static object Value(ColumnKind kind, object? value) => value switch
    {
        null => DBNull.Value,
        DateTime instant when kind == ColumnKind.Instant => SqliteInstant(instant),
        bool flag => flag ? 1 : 0,
        _ => value,
    };

    public static string SqliteInstant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
