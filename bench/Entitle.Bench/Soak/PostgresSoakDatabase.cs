using System.Security.Cryptography;
using Npgsql;

namespace Entitle.Bench.Soak;

/// <summary>A database created for the run on the given server, and dropped after it.</summary>
public sealed class PostgresSoakDatabase : ISoakDatabase
{
    private readonly string _server;
    private readonly string _name;

    private PostgresSoakDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    public string Provider => "Postgres";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();

    public string Description => $"PostgreSQL, a new database {_name} on {new NpgsqlConnectionStringBuilder(_server).Host}";

    /// <summary>Creates the database on <paramref name="server"/>: a connection string whose role may create databases.</summary>
    public static async Task<PostgresSoakDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var database = new PostgresSoakDatabase(server, "entitle_soak_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
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
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
