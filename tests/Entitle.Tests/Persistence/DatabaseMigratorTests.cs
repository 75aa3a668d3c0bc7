using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Entitle.Tests.Persistence;

/// <summary>
/// A new installation's first migration is not an error: neither the <c>migrate</c> command nor a first start on an
/// empty database writes an error entry (<c>fail:</c>) to the log, which operators alert on. EF reads its history
/// table before it exists on a new PostgreSQL database, and logs that failed query as an error, unless the table is
/// created first.
/// </summary>
public abstract class DatabaseMigratorTests(DatabaseProvider provider) : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await EmptyDatabase.CreateAsync(provider);

    [Fact]
    public async Task TheMigrateCommandOnAnEmptyDatabaseLogsNoError()
    {
        var (exitCode, output) = await AppProcess.RunToEndAsync(Environment(), "migrate");

        Assert.Equal(0, exitCode);
        Assert.Contains("Applying", output, StringComparison.Ordinal);
        Assert.Contains("The database is migrated.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstStartOnAnEmptyDatabaseLogsNoErrorAndIsReady()
    {
        await using var app = await AppProcess.StartAsync(Environment(), ["--demo"]);

        Assert.Equal("ready", await app.Http.GetStringAsync("/readyz"));
        Assert.Contains("Applying", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A start takes a database for current, and skips EF Core's migration machinery, when its history table lists
    /// every migration of this build; one missing is a migration to apply; a newer build's extra one is no obstacle.
    /// </summary>
    [Fact]
    public async Task ADatabaseIsCurrentWhenItsHistoryListsEveryMigration()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var migrator = new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance);
        var latest = db.GetService<IMigrationsAssembly>().Migrations.Keys.Max(StringComparer.Ordinal)!;
        Assert.True(await migrator.AllAppliedAsync(CancellationToken.None));

        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE migration_id = {latest}");
        Assert.False(await migrator.AllAppliedAsync(CancellationToken.None));
        Assert.False(await migrator.IsCurrentAsync(CancellationToken.None));

        await db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version) VALUES ({latest}, '10.0.0'), ('99991231000000_FromANewerBuild', '10.0.0')");
        Assert.True(await migrator.AllAppliedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ADatabaseNeverMigratedIsNotCurrent()
    {
        await using var db = TestDatabase.CreateContext(provider, _connectionString);

        Assert.False(await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).AllAppliedAsync(CancellationToken.None));
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["Database__Provider"] = provider.ToString(),
        ["ConnectionStrings__Entitle"] = _connectionString,
        ["ENTITLE_BOOTSTRAP_KEY"] = "migrator-test-key",
    };

    public Task DisposeAsync() => EmptyDatabase.DropAsync(provider, _connectionString);

    public sealed class OnSqlite() : DatabaseMigratorTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DatabaseMigratorTests(DatabaseProvider.Postgres);
}
