using Entitle.Persistence;
using Entitle.Tests.Support;

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
