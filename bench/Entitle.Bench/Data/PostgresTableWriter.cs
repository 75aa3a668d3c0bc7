using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Entitle.Bench.Data;

/// <summary>
/// One binary COPY per table, all inside one transaction; afterwards each identity sequence is set past the
/// highest id written (COPY does not move it), ANALYZE gives the planner statistics for the new rows and a checkpoint
/// writes them out.
/// </summary>
public sealed class PostgresTableWriter : ITableWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgresTableWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresTableWriter> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return new PostgresTableWriter(connection, await connection.BeginTransactionAsync(cancellationToken));
    }

    public async Task WriteAsync(TableShape table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var types = table.Columns.Select(c => c.Kind switch
        {
            ColumnKind.WholeNumber => NpgsqlDbType.Integer,
            ColumnKind.LongWholeNumber => NpgsqlDbType.Bigint,
            ColumnKind.Text => NpgsqlDbType.Text,
            ColumnKind.Instant => NpgsqlDbType.TimestampTz,
            ColumnKind.Boolean => NpgsqlDbType.Boolean,
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        }).ToArray();
        await using var importer = await _connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(row[i], types[i], cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public DbTransaction Transaction => _transaction;

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async Task<int> ReserveIdsAsync(TableShape table, int count, CancellationToken cancellationToken)
    {
        // Moves the sequence past the whole range at once; a concurrent nextval between the two calls would overlap, which this bench never runs.
        await using var reserve = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{table.IdentityColumn}'), nextval(pg_get_serial_sequence('{table.Name}', '{table.IdentityColumn}')) + $1 - 1)::int - $1 + 1",
            _connection,
            _transaction);
        reserve.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        return (int)(await reserve.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task CompleteAsync(IEnumerable<TableShape> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables.Where(t => t.IdentityColumn is not null))
        {
            await using var sequence = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{table.IdentityColumn}'), COALESCE((SELECT MAX(\"{table.IdentityColumn}\") FROM \"{table.Name}\"), 0) + 1, false)",
                _connection,
                _transaction);
            await sequence.ExecuteNonQueryAsync(cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", _connection);
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(cancellationToken);

        // The load's dirty pages are written now, as SQLite's writer truncates its WAL: left to the background
        // checkpointer, the writing overlapped the first measurements (W6's start, W1) on one side only.
        // A server the suite was given may not let its user checkpoint; the load is complete without it.
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", _connection);
        checkpoint.CommandTimeout = 0;
        try
        {
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
