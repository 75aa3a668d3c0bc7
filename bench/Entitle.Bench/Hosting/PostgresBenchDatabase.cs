using System.Security.Cryptography;
using Npgsql;

namespace Entitle.Bench.Hosting;

/// <summary>A database created for the run on the given server, and dropped after it.</summary>
public sealed class PostgresBenchDatabase : IBenchDatabase
{
    private readonly string _server;
    private readonly string _name;

    private PostgresBenchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    public string Provider => "Postgres";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();

    public string Description => $"PostgreSQL, a new database {_name} on {new NpgsqlConnectionStringBuilder(_server).Host}";

    /// <summary>Creates the database on <paramref name="server"/>: a connection string whose role may create databases.</summary>
    /// <param name="server">The server, with a role that may create databases.</param>
    /// <param name="namePrefix">The start of the database's name (a random suffix follows), which says which command made it.</param>
    /// <param name="cancellationToken">Stops the creation.</param>
    public static async Task<PostgresBenchDatabase> CreateAsync(string server, string namePrefix, CancellationToken cancellationToken)
    {
        var database = new PostgresBenchDatabase(server, namePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database._name}", cancellationToken);
        return database;
    }

    public async Task<long> SizeInBytesAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Plain first: PostgreSQL stops an autovacuum worker (busy after a large load) by itself, whereas
                // FORCE may not end it for a role without superuser.
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name}", CancellationToken.None);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // A session of our own role outlived its pool (a killed service's): FORCE ends it.
            }

            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 5)
            {
                // An autovacuum worker started meanwhile: the plain form stops it on the next turn.
            }
        }
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
