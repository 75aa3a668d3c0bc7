using Entitle.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Entitle.Tests.Support;

/// <summary>
/// A fresh, migrated database of its own for every test: a copy of a migrated SQLite file, or a PostgreSQL
/// database created from a migrated template. Nothing is shared between tests.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);
    private static readonly SemaphoreSlim PostgresCreateLock = new(1, 1);

    private readonly string? _sqliteFile;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = "entitle_t_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            File.Copy(await SqliteTemplate.Value, file);
            return new TestDatabase(provider, $"Data Source={file}", file, null);
        }

        var template = await PostgresTemplate.Value;
        await PostgresCreateLock.WaitAsync();
        try
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            PostgresCreateLock.Release();
        }

        return new TestDatabase(provider, PostgresServer.Instance.For(name), null, name);
    }

    /// <summary>A context on this database, for arranging data or reading it back directly.</summary>
    public EntitleDbContext CreateContext() => CreateContext(Provider, ConnectionString);

    /// <summary>A plain context (not pooled, no interceptors) on any database of <paramref name="provider"/>.</summary>
    public static EntitleDbContext CreateContext(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Sqlite
        ? new SqliteEntitleDbContext(new DbContextOptionsBuilder<SqliteEntitleDbContext>().UseSqlite(connectionString).UseSnakeCaseNamingConvention().Options)
        : new PostgresEntitleDbContext(new DbContextOptionsBuilder<PostgresEntitleDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        if (_postgresDatabase is not null)
        {
            await PostgresDatabaseDrop.DropAsync(PostgresServer.Instance.ConnectionString, _postgresDatabase);
        }
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "entitle_template_" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var options = new DbContextOptionsBuilder<SqliteEntitleDbContext>().UseSqlite($"Data Source={file};Pooling=False").UseSnakeCaseNamingConvention().Options;
        await using (var db = new SqliteEntitleDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var name = "entitle_template_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(PostgresServer.Instance.For(name)) { Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<PostgresEntitleDbContext>().UseNpgsql(connection).UseSnakeCaseNamingConvention().Options;
        await using (var db = new PostgresEntitleDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        // One template a test run: left behind, a developer's server gathered one database per run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplateAtExit(name);
        return name;
    }

    private static void DropTemplateAtExit(string name)
    {
        try
        {
            PostgresDatabaseDrop.DropAsync(PostgresServer.Instance.ConnectionString, name).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The server is already gone (a private cluster stops at exit too, and takes its databases with it).
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.Instance.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
