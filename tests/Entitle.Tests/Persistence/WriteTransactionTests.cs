using Entitle.Application;
using Entitle.Domain;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Persistence;

/// <summary>
/// Write transactions on SQLite queue for the file's single write lock inside the process (instead of being refused
/// with SQLITE_BUSY and retried after sleeps); a turn ends with its transaction, whatever its outcome. PostgreSQL
/// writers never wait for one another here: the database locks rows, not the whole file.
/// </summary>
public abstract class WriteTransactionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected TestDatabase Database => _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    [Fact]
    public async Task ASecondWriterWaitsForTheFirstOnSqliteOnlyAndGoesOnWhenItEnds()
    {
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();

        var firstTransaction = await first.BeginWriteTransactionAsync(CancellationToken.None);
        var secondBegins = second.BeginWriteTransactionAsync(CancellationToken.None);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.False(secondBegins.IsCompleted);
        }
        else
        {
            await using var concurrent = await secondBegins.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await firstTransaction.CommitAsync(CancellationToken.None);
        await firstTransaction.DisposeAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var next = await secondBegins.WaitAsync(TimeSpan.FromSeconds(30));
            await next.CommitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ARefusedUseCaseGivesBackItsTurn()
    {
        await using var db = _database.CreateContext();

        await Assert.ThrowsAsync<DomainRuleException>(() => db.WriteAsync<int>(_ => throw new DomainRuleException("field", "Refused."), CancellationToken.None));

        // Were the turn still held, the next writer would queue behind it.
        await using var other = _database.CreateContext();
        var next = other.BeginWriteTransactionAsync(CancellationToken.None);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.True(next.IsCompleted);
        }

        await using var transaction = await next.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public sealed class OnSqlite() : WriteTransactionTests(DatabaseProvider.Sqlite)
    {
        [Fact]
        public async Task DifferentFilesAndInMemoryDatabasesDoNotShareTurns()
        {
            await using var otherDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using var here = Database.CreateContext();
            await using var there = otherDatabase.CreateContext();

            await using var holding = await here.BeginWriteTransactionAsync(CancellationToken.None);
            var elsewhere = there.BeginWriteTransactionAsync(CancellationToken.None);

            Assert.True(elsewhere.IsCompleted);
            await using var other = await elsewhere;
            Assert.Null(await SqliteWriteTurns.TakeAsync("Data Source=:memory:", CancellationToken.None));
        }
    }

    public sealed class OnPostgres() : WriteTransactionTests(DatabaseProvider.Postgres);
}
