using Entitle.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Entitle.Tests.Support;

/// <summary>A database with nothing in it, not even a migration: what a newcomer or a new deployment starts from.</summary>
public static class EmptyDatabase
{
    public static async Task<string> CreateAsync(DatabaseProvider provider, string? serverConnectionString = null)
    {
        var name = "entitle_empty_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            return $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}";
        }

        var server = serverConnectionString ?? PostgresServer.Instance.ConnectionString;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public static async Task DropAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }

            return;
        }

        await PostgresDatabaseDrop.DropAsync(connectionString, new NpgsqlConnectionStringBuilder(connectionString).Database!);
    }
}
