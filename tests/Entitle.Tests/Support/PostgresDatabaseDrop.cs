using Npgsql;

namespace Entitle.Tests.Support;

/// <summary>
/// Drops a test's PostgreSQL database whatever is still connected to it, as a role without superuser (CI's).
/// </summary>
/// <remarks>
/// Two kinds of connection can outlive a test: one of our own role (a killed process's backend not yet gone, a
/// second process's pool), which only <c>WITH (FORCE)</c> ends; and an autovacuum worker (after a bulk insert),
/// which a plain <c>DROP</c> stops by itself but <c>FORCE</c> refuses to end for a role without superuser
/// (42501). Both at once is possible, so the two forms alternate until one succeeds; a plain DROP waits up to
/// five seconds on the server for other sessions, so no waiting is needed here.
/// </remarks>
public static class PostgresDatabaseDrop
{
    private const int Attempts = 5;

    public static async Task DropAsync(string anyConnectionString, string database)
    {
        var server = new NpgsqlConnectionStringBuilder(anyConnectionString) { Database = "postgres", Pooling = false }.ToString();
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                // Someone of our own role is still connected: end them.
            }

            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < Attempts)
            {
                // An autovacuum worker is in the database too: the plain form stops it on the next turn.
            }
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
