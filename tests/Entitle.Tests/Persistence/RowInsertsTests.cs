using System.Globalization;
using Entitle.Application;
using Entitle.Domain;
using Entitle.Domain.Contacts;
using Entitle.Domain.Organizations;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Persistence;

/// <summary>
/// The write use cases insert their new rows outside EF Core's change tracker (<see cref="RowInserts"/>), with SQL
/// built from the model: a row must be stored exactly as EF Core's save stores it, with the same audit event; a row
/// referring to another of the same call takes its key; and nothing appended by a refused use case is ever inserted.
/// </summary>
public abstract class RowInsertsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 5, 1, 9, 30, 15, 123, DateTimeKind.Utc);

    private TestDatabase _database = null!;

    private int _organizationId;

    private int _contactId;

    private int _typeId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        var organization = Organization.CreateRoot("Row inserts", Now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var contact = Contact.Create(organization.Id, "Ada", "Lovelace", "ada@example.com", Now);
        var type = PassType.Create(organization.Id, "GOLD", "Gold", "Every course", Now);
        var option = type.AddOption("Monthly", new ValidityPeriod(PeriodUnit.Months, 1), Now);
        option.ChangeLifecycle(LifecycleState.Published, Now);
        type.ChangeLifecycle(LifecycleState.Published, Now);
        db.Contacts.Add(contact);
        db.PassTypes.Add(type);
        await db.SaveChangesAsync();
        (_organizationId, _contactId, _typeId) = (organization.Id, contact.Id, type.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task APassInsertedOutsideTheTrackerIsStoredAndAuditedAsASaveStoresAndAuditsIt()
    {
        var saved = await IssueAsync((db, pass, ct) =>
        {
            db.Entry(pass).State = EntityState.Added;
            return db.SaveChangesAsync(ct);
        });
        var inserted = await IssueAsync((db, pass, ct) => db.InsertNowAsync(pass, ct));

        Assert.NotEqual(saved, inserted);
        var savedRow = await RowAsync("passes", saved);
        var insertedRow = await RowAsync("passes", inserted);
        Assert.Equal(savedRow.Keys.Order(), insertedRow.Keys.Order());
        foreach (var column in savedRow.Keys.Where(c => c != "id"))
        {
            Assert.True(Equals(savedRow[column], insertedRow[column]), $"{column}: saved {savedRow[column]}, inserted {insertedRow[column]}");
        }

        await using var db = _database.CreateContext();
        var audits = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "TrainingPass").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, audits.Count);
        var (viaSave, viaInsert) = (audits[0], audits[1]);
        Assert.Equal(Key(saved), viaSave.EntityId);
        Assert.Equal(Key(inserted), viaInsert.EntityId);
        Assert.Equal(("created", (string?)null, (int?)_organizationId), (viaInsert.Action, viaInsert.Before, viaInsert.SubjectOrganizationId));
        Assert.Equal((viaSave.Action, viaSave.Before, viaSave.SubjectOrganizationId), (viaInsert.Action, viaInsert.Before, viaInsert.SubjectOrganizationId));
        Assert.Contains($"\"id\":{inserted}", viaInsert.After, StringComparison.Ordinal);
        Assert.Equal(viaSave.After!.Replace($"\"id\":{saved}", "", StringComparison.Ordinal), viaInsert.After!.Replace($"\"id\":{inserted}", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARowIsInsertedAtOnceOnlyInsideATransactionWhereItsAuditRowFollowsIt()
    {
        await using var db = _database.CreateContext();
        var type = await db.UntrackedPassTypeWithOptionsAsync(_typeId, CancellationToken.None);
        var contact = await db.UntrackedContactWithOrganizationAsync(_contactId, CancellationToken.None);
        var pass = Pass.Issue(type!, type!.DefaultOption, contact!, Now, null, Now);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertNowAsync(pass, CancellationToken.None));

        Assert.Equal(0, await db.Passes.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.EntityType == "TrainingPass"));
    }

    [Fact]
    public async Task ARowReferringToAnotherAppendedRowTakesItsKey()
    {
        await using var db = _database.CreateContext();
        var endpoint = WebhookEndpoint.Register(_organizationId, "https://example.com/hook", ["pass.issued", "pass.renewed"], true, Now);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        var first = WebhookEvent.Occur("pass.issued", _organizationId, "{}", Now);
        var second = WebhookEvent.Occur("pass.renewed", _organizationId, "{}", Now);

        await db.WriteAsync(
            _ =>
            {
                db.Append(first);
                db.Append(WebhookDelivery.Queue(second, endpoint.Id, Now));
                db.Append(second);
                db.Append(WebhookDelivery.Queue(first, endpoint.Id, Now));
                return Task.CompletedTask;
            },
            CancellationToken.None);

        await using var check = _database.CreateContext();
        var deliveries = await check.WebhookDeliveries.AsNoTracking().Include(d => d.Event).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([second.Id, first.Id], deliveries.Select(d => d.EventId));
        Assert.Equal(["pass.renewed", "pass.issued"], deliveries.Select(d => d.Event!.Type));
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
    }

    [Fact]
    public async Task RowsAppendedByARefusedUseCaseAreNeverInserted()
    {
        await using var db = _database.CreateContext();
        var before = await db.AuditEvents.CountAsync();

        await Assert.ThrowsAsync<DomainRuleException>(() => db.WriteAsync(
            _ =>
            {
                db.Audit(_organizationId, "TrainingKey", "1", "redeemed", null, "{}");
                throw new DomainRuleException("trainingKey", "Refused.");
            },
            CancellationToken.None));
        await db.WriteAsync(_ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(before, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task ManyRowsAreAllInsertedEachWithItsOwnKey()
    {
        await using var db = _database.CreateContext();
        var events = Enumerable.Range(0, 123).Select(i => WebhookEvent.Occur("pass.expired", _organizationId, $"{{\"n\":{i}}}", Now)).ToList();

        await db.WriteAsync(
            _ =>
            {
                events.ForEach(db.Append);
                return Task.CompletedTask;
            },
            CancellationToken.None);

        Assert.Equal(123, events.Select(e => e.Id).Distinct().Count());
        await using var check = _database.CreateContext();
        var stored = await check.WebhookEvents.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Data);
        Assert.All(events, e => Assert.Equal(e.Data, stored[e.Id]));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> IssueAsync(Func<EntitleDbContext, Pass, CancellationToken, Task> store)
    {
        await using var db = _database.CreateContext();
        var type = await db.UntrackedPassTypeWithOptionsAsync(_typeId, CancellationToken.None);
        var contact = await db.UntrackedContactWithOrganizationAsync(_contactId, CancellationToken.None);
        return await db.WriteAsync(
            async ct =>
            {
                var pass = Pass.Issue(type!, type!.DefaultOption, contact!, Now, null, Now);
                pass.SetExternalId("ext-\"quoted\"", Now);
                pass.SetTargetCompletion(Now.AddDays(20), Now);
                await store(db, pass, ct);
                return pass.Id;
            },
            CancellationToken.None);
    }

    private async Task<Dictionary<string, object?>> RowAsync(string table, int id)
    {
        await using var db = _database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE id = {Key(id)}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    public sealed class OnSqlite() : RowInsertsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RowInsertsTests(DatabaseProvider.Postgres);
}
