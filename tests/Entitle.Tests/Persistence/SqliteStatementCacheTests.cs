using Entitle.Domain.Organizations;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Persistence;

/// <summary>
/// On SQLite a pooled context keeps its connection open between requests and the connection keeps its statements
/// prepared (docs/benchmarks.md). What a request sees must not change: another connection's commits are seen on the
/// next statement, a transaction left open is rolled back when the context goes back to the pool, parameters are
/// bound afresh on each run, a statement read twice at once gives both readers their rows, and the cache stays
/// within its capacity.
/// </summary>
public sealed class SqliteStatementCacheTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Entitle"] = _database.ConnectionString,
        }).Build();
        _services = new ServiceCollection().AddPersistence(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task TheNextRequestGetsTheSameOpenConnectionWithItsStatementsStillPrepared()
    {
        var (first, firstCount) = await InRequestAsync(async db => (db.Database.GetDbConnection(), await db.Organizations.CountAsync()));
        var (second, secondCount) = await InRequestAsync(async db => (db.Database.GetDbConnection(), await db.Organizations.CountAsync()));

        Assert.Same(first, second);
        Assert.Equal(System.Data.ConnectionState.Open, second.State);
        Assert.Equal(firstCount, secondCount);
        Assert.Equal(1, SqliteStatementCache.Prepared((SqliteConnection)second));
    }

    [Fact]
    public async Task AnotherConnectionsCommitIsSeenByTheNextStatement()
    {
        var before = await InRequestAsync(db => db.Organizations.CountAsync());

        await using (var other = _database.CreateContext())
        {
            other.Organizations.Add(Organization.CreateRoot("Committed elsewhere", DateTime.UnixEpoch));
            await other.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await InRequestAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task ATransactionLeftOpenOnTheConnectionIsRolledBackWhenTheContextGoesBack()
    {
        await InRequestAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "UPDATE organizations SET name = 'Never committed'";
            await insert.ExecuteNonQueryAsync();
            return 0;
        });

        await using var other = _database.CreateContext();
        Assert.Equal(0, await other.Organizations.CountAsync(o => o.Name == "Never committed"));
        Assert.Equal(0, await InRequestAsync(db => db.Organizations.CountAsync(o => o.Name == "Never committed")));
    }

    [Fact]
    public async Task TheSameStatementGetsEachRunsParameters()
    {
        await AddRootsAsync("Alpha", "Beta");

        var names = await InRequestAsync(async db =>
        {
            var found = new List<string?>();
            foreach (var name in new[] { "Alpha", "Beta", "Gamma", "Alpha" })
            {
                found.Add(await db.Organizations.AsNoTracking().Where(o => o.Name == name).Select(o => o.Name).FirstOrDefaultAsync());
            }

            return found;
        });

        Assert.Equal(["Alpha", "Beta", null, "Alpha"], names);
    }

    [Fact]
    public async Task AStatementReadTwiceAtOnceGivesBothReadersTheirRows()
    {
        await AddRootsAsync("One", "Two");

        var pairs = await InRequestAsync(async db =>
        {
            var query = db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Name);
            var seen = new List<(string Outer, int Inner)>();
            await foreach (var outer in query.AsAsyncEnumerable())
            {
                seen.Add((outer, (await query.ToListAsync()).Count));
            }

            return seen;
        });

        var count = pairs.Count;
        Assert.True(count >= 2);
        Assert.All(pairs, pair => Assert.Equal(count, pair.Inner));
    }

    [Fact]
    public async Task AConnectionKeepsNoMoreStatementsThanItsCapacity()
    {
        var (connection, results) = await InRequestAsync(async db =>
        {
            var values = new List<int>();
            for (var i = 0; i < ConnectionStatements.Capacity + 10; i++)
            {
                // A distinct text each time: the literal (a number of our own) is part of the SQL.
                var sql = "SELECT " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " AS \"Value\"";
#pragma warning disable EF1003
                values.Add(await db.Database.SqlQueryRaw<int>(sql).SingleAsync());
#pragma warning restore EF1003
            }

            return ((SqliteConnection)db.Database.GetDbConnection(), values);
        });

        Assert.Equal(Enumerable.Range(0, ConnectionStatements.Capacity + 10), results);
        Assert.Equal(ConnectionStatements.Capacity, SqliteStatementCache.Prepared(connection));
    }

    private async Task AddRootsAsync(params string[] names)
    {
        await using var db = _database.CreateContext();
        db.Organizations.AddRange(names.Select(name => Organization.CreateRoot(name, DateTime.UnixEpoch)));
        await db.SaveChangesAsync();
    }

    private async Task<T> InRequestAsync<T>(Func<EntitleDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EntitleDbContext>());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
