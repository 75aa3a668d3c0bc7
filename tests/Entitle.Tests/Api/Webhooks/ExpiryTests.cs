using Entitle.Application.Webhooks;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Api.Webhooks;

/// <summary>pass.expiring and pass.expired fire once per pass, at the right instant of the fake clock, whoever runs the job.</summary>
public abstract class ExpiryTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    // The demo's pass 1 runs until 2024-04-03T09:30:00Z; expiring is announced 7 days before.
    private static readonly DateTimeOffset End = new(2024, 4, 3, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExpiringAndExpiredFireOnceEachAtTheirInstant()
    {
        Assert.Equal(0, await RunNotifierAsync());

        App.Clock.SetUtcNow(End.AddDays(-7).AddTicks(-1));
        Assert.Equal(0, await RunNotifierAsync());
        App.Clock.SetUtcNow(End.AddDays(-7));
        Assert.Equal(1, await RunNotifierAsync());
        Assert.Equal(0, await RunNotifierAsync());
        Assert.Equal(["pass.expiring"], await EventsAsync());

        App.Clock.SetUtcNow(End.AddTicks(-1));
        Assert.Equal(0, await RunNotifierAsync());
        App.Clock.SetUtcNow(End);
        Assert.Equal(1, await RunNotifierAsync());
        App.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await RunNotifierAsync());
        Assert.Equal(["pass.expiring", "pass.expired"], await EventsAsync());
    }

    [Fact]
    public async Task ARenewedPassStartsANewCycleAndARevokedOneFallsSilent()
    {
        App.Clock.SetUtcNow(End.AddDays(-3));
        Assert.Equal(1, await RunNotifierAsync());

        await SucceedsAsync($"mutation {{ trainingPass {{ renewPass(input: {{trainingPassId: \"{Ids.Pass(1)}\"}}) {{ errors {{ label }} }} }} }}");
        App.Clock.SetUtcNow(End.AddYears(1).AddDays(-1));
        Assert.Equal(1, await RunNotifierAsync());

        await SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{Ids.Pass(1)}\"}}) {{ errors {{ label }} }} }} }}");
        App.Clock.SetUtcNow(End.AddYears(2));
        Assert.Equal(0, await RunNotifierAsync());
        Assert.Equal(["pass.expiring", "pass.renewed", "pass.expiring", "pass.revoked"], await EventsAsync());
    }

    [Fact]
    public async Task SeveralJobsAtOnceEmitEachEventOnce()
    {
        for (var i = 0; i < 30; i++)
        {
            await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(31 + i % 10)}\", validUntil: \"2023-05-0{1 + i % 5}T00:00:00Z\"}}) {{ errors {{ label }} }} }} }}");
        }

        App.Clock.SetUtcNow(new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var emitted = await Task.WhenAll(RunNotifierAsync(), RunNotifierAsync(), RunNotifierAsync());

        Assert.Equal(30, emitted.Sum());
        await using var db = App.Database.CreateContext();
        Assert.Equal(30, await db.WebhookEvents.CountAsync(e => e.Type == "pass.expired"));
        Assert.Equal(30, (await db.WebhookEvents.Where(e => e.Type == "pass.expired").Select(e => e.Data).ToListAsync()).Distinct().Count());
    }

    [Fact]
    public async Task ACatchUpOverManyPassesWorksInBatchesAndKeepsNothingTracked()
    {
        // 449 copies of the demo's pass 1: with it, 450 passes end at the same instant, more than two batches of 200.
        await using (var setup = App.Database.CreateContext())
        {
            await setup.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 449)
                INSERT INTO passes (contact_id, pass_type_id, option_id, valid_from, valid_until, created_at, updated_at, version)
                SELECT contact_id, pass_type_id, option_id, valid_from, valid_until, created_at, updated_at, version FROM passes, n WHERE passes.id = 1
                """);
        }

        App.Clock.SetUtcNow(End);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntitleDbContext>();
        Assert.Equal(450, await scope.ServiceProvider.GetRequiredService<ExpiryNotifier>().RunOnceAsync(CancellationToken.None));

        // Events written are forgotten batch by batch: a long catch-up does not slow down as it goes.
        Assert.Empty(db.ChangeTracker.Entries());
        Assert.Equal(0, await RunNotifierAsync());
        await using var check = App.Database.CreateContext();
        Assert.Equal(450, await check.WebhookEvents.CountAsync(e => e.Type == "pass.expired"));
    }

    [Fact]
    public async Task TheJobFindsTheEndedPassesStillToAnnounceWithoutReadingTheAnnouncedOnes()
    {
        // 2,000 passes that end at the same instant, announced by a first run; the next runs must find what is still
        // due through the index that leaves the announced ones out, in its order, not by reading them all again.
        await using (var setup = App.Database.CreateContext())
        {
            await setup.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)
                INSERT INTO passes (contact_id, pass_type_id, option_id, valid_from, valid_until, created_at, updated_at, version)
                SELECT contact_id, pass_type_id, option_id, valid_from, valid_until, created_at, updated_at, version FROM passes, n WHERE passes.id = 1
                """);
        }

        App.Clock.SetUtcNow(End);
        Assert.Equal(2000, await RunNotifierAsync());
        await using var db = App.Database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        App.Statements.Reset();

        Assert.Equal(0, await RunNotifierAsync());

        var lookup = Assert.Single(App.Statements.Recorded, s => s.Text.StartsWith("SELECT", StringComparison.Ordinal) && s.Text.Contains("expired_notified_for", StringComparison.Ordinal));
        var plan = await PlanAsync(db, lookup);
        Assert.Contains("ix_passes_unannounced_end", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Database.Provider == DatabaseProvider.Sqlite ? "TEMP B-TREE" : "Sort", plan, StringComparison.Ordinal);
    }

    /// <summary>The database's plan for a statement the app sent, with the values it sent.</summary>
    private async Task<string> PlanAsync(EntitleDbContext db, RecordedStatement statement)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = (App.Database.Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + statement.Text;
        foreach (var (name, value) in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(App.Database.Provider == DatabaseProvider.Sqlite ? 3 : 0));
        }

        return string.Join('\n', lines);
    }

    private async Task<int> RunNotifierAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExpiryNotifier>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<List<string>> EventsAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.WebhookEvents.Where(e => e.Type != "pass.issued").OrderBy(e => e.Id).Select(e => e.Type).ToListAsync();
    }

    public sealed class OnSqlite() : ExpiryTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ExpiryTests(DatabaseProvider.Postgres);
}
