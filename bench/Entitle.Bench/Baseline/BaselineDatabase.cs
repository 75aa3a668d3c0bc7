using System.Data.Common;
using Entitle.Bench.Data;
using Microsoft.Data.Sqlite;
using Entitle.Persistence;
using Npgsql;

namespace Entitle.Bench.Baseline;

/// <summary>
/// The baselines' plain ADO.NET connections to the same database the service uses, pooled by the provider, with the
/// service's connection settings (on PostgreSQL, statements prepared automatically once repeated).
/// </summary>
public sealed class BaselineDatabase(bool postgres, string connectionString)
{
    /// <summary>Completed once: parsing a connection string on every open is a cost no floor should pay per request.</summary>
    private readonly string _pooledConnectionString = postgres
        ? PostgresConnectionStrings.Complete(connectionString)
        : new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 60 }.ToString();

    public bool Postgres => postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = postgres ? new NpgsqlConnection(_pooledConnectionString) : new SqliteConnection(_pooledConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// On SQLite, the same in-process queue for the write lock the service uses (<see cref="SqliteWriteTurns"/>), so
    /// that neither side is measured sleeping on SQLITE_BUSY; take it before the transaction begins.
    /// </summary>
    public async Task<BaselineWriteTurn> TakeWriteTurnAsync(CancellationToken cancellationToken) =>
        new(postgres ? null : await SqliteWriteTurns.TakeAsync(connectionString, cancellationToken));

    public async Task<ITableWriter> OpenWriterAsync(CancellationToken cancellationToken) => postgres
        ? await PostgresTableWriter.OpenAsync(connectionString, cancellationToken)
        : await SqliteTableWriter.OpenAsync(connectionString, forLoad: false, cancellationToken);

    /// <summary>A parameter of a prepared command, named for both providers (<c>$1</c> style is PostgreSQL's own; SQLite takes <c>$name</c>).</summary>
    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
