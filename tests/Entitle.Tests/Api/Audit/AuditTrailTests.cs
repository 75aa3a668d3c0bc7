using System.Net;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Api.Audit;

/// <summary>Every change leaves its audit event in the same transaction: readable, exportable, rolled back with a failed change.</summary>
public abstract class AuditTrailTests(DatabaseProvider provider) : TmsTests(provider)
{
    [Fact]
    public async Task EachKindOfChangeLeavesExactlyItsAuditEvents()
    {
        var type = await ExpectAsync(["TrainingPassType created"], async () =>
            (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"S\", name: \"Silver\"}) { trainingPassType { id legacyId } errors { label } } } }")).At("trainingPassType"));
        var typeId = type.Text("id");
        await ExpectAsync(["TrainingPassType updated"], () => SucceedsAsync($"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{typeId}\", name: \"Silver pass\"}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingPassTypeContent added"], () => SucceedsAsync($"mutation {{ trainingPass {{ addContentToPassType(input: {{trainingPassTypeId: \"{typeId}\", courseIds: [\"{Ids.Course(5)}\", \"{Ids.Course(6)}\"], pathIds: [\"{Ids.Path(2)}\"]}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingPassTypeContent removed"], () => SucceedsAsync($"mutation {{ trainingPass {{ removeContentFromPassType(input: {{trainingPassTypeId: \"{typeId}\", courseIds: [\"{Ids.Course(6)}\"]}}) {{ errors {{ label }} }} }} }}"));
        var option = await ExpectAsync(["TrainingPassTypeOption created"], async () =>
            (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{typeId}\", name: \"Monthly\", validityPeriod: {{unit: months, value: 1}}}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}")).Text("trainingPassTypeOption.id"));
        var price = await ExpectAsync(["TrainingPassTypeOptionPrice created"], async () =>
            (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOptionPrice(input: {{trainingPassTypeOptionId: \"{option}\", currencyCode: \"EUR\", amount: \"10\"}}) {{ trainingPassTypeOptionPrice {{ id }} errors {{ label }} }} }} }}")).Text("trainingPassTypeOptionPrice.id"));
        await ExpectAsync(["TrainingPassTypeOptionPrice updated"], () => SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOptionPrice(input: {{trainingPassTypeOptionPriceId: \"{price}\", amount: \"12\"}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingPassTypeOptionPrice deleted"], () => SucceedsAsync($"mutation {{ trainingPass {{ deleteTypeOptionPrice(input: {{trainingPassTypeOptionPriceId: \"{price}\"}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingPassTypeOption updated"], () => SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{option}\", lifecycleState: published}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingPassType updated"], () => SucceedsAsync($"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{typeId}\", lifecycleState: published}}) {{ errors {{ label }} }} }} }}"));
        var pass = await ExpectAsync(["TrainingPass created"], async () =>
            (await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{typeId}\", trainingPassTypeOptionId: \"{option}\", contactId: \"{Ids.Person(32)}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}")).Text("trainingPass.id"));
        await ExpectAsync(["TrainingPass updated"], () => SucceedsAsync($"mutation {{ trainingPass {{ renewPass(input: {{trainingPassId: \"{pass}\"}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingPass updated"], () => SucceedsAsync($"mutation {{ trainingPass {{ reassignPass(input: {{trainingPassId: \"{pass}\", contactId: \"{Ids.Person(33)}\"}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingPass updated"], () => SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{pass}\"}}) {{ errors {{ label }} }} }} }}"));
        await ExpectAsync(["TrainingKeyBatch minted"], () => MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=3&maxKeyUses=2"));
        await ExpectAsync(["TrainingKey updated"], () => OkAsync($"UpdateSubscriptionTrainingKey?Id=1&trainingKey=RENAMED&subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=2"));
        await ExpectAsync(["TrainingPass created", "TrainingKey redeemed"], () => OkAsync("RedeemSubscriptionTrainingKey?trainingKey=RENAMED&userId=34"));
        await ExpectAsync(["TrainingKey deleted"], () => OkAsync("DeleteSubscriptionTrainingKey?id=2"));
        await ExpectAsync(["Organization created", "Credential created"], () => App.CreateAccountAsync("Initech"));
        await ExpectAsync(["Organization updated"], () => OkAsync("UpdateOrganization?id=4&Description=Software"));
        await ExpectAsync(["Organization deleted"], () => OkAsync("DeleteOrganization?id=4"));
    }

    [Fact]
    public async Task AnEventSaysWhatWhoWhenAndTheValuesBeforeAndAfter()
    {
        var (account, key) = await App.CreateAccountAsync("Acme team", Ids.Account(2));
        await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"T\", name: \"Team pass\"}) { trainingPassType { id } errors { label } } } }", key);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await SucceedsAsync($"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{Ids.Type(2)}\", name: \"Team pass 2\", description: \"More\"}}) {{ errors {{ label }} }} }} }}", key);

        var events = await App.GraphQLAsync("""{ auditEvents(filters: [{field: entityType, operation: eq, value: "TrainingPassType"}, {field: action, operation: eq, value: "updated"}]) { edges { node { occurredAt entityType entityId action actor { id } actorCredentialId account { id } before after } } } }""", credential: key);
        var update = events.At("data.auditEvents.edges.0.node");

        Assert.Equal("2023-04-03T09:35:00Z", update.Text("occurredAt"));
        Assert.Equal("2", update.Text("entityId"));
        Assert.Equal(account, update.Text("actor.id"));
        Assert.Equal(account, update.Text("account.id"));
        Assert.True(update.At("actorCredentialId").GetValue<int>() > 0);
        Assert.Equal("""{"description":null,"name":"Team pass"}""", Canonical(update.Text("before")));
        Assert.Equal("""{"description":"More","name":"Team pass 2"}""", Canonical(update.Text("after")));

        // Acme's team sees its own events only; the root sees them too.
        var mine = await App.GraphQLAsync("{ auditEvents(first: 100) { pageInfo { totalRecords } edges { node { account { id } } } } }", credential: key);
        Assert.All(mine.At("data.auditEvents.edges").AsArray(), e => Assert.Equal(account, e!["node"]!["account"]!["id"]!.GetValue<string>()));
        var rootView = await App.GraphQLAsync($$"""{ auditEvents(filters: [{field: accountId, operation: eq, value: "{{account}}"}]) { pageInfo { totalRecords } } }""");
        Assert.Equal(mine.At("data.auditEvents.pageInfo.totalRecords").GetValue<int>(), rootView.At("data.auditEvents.pageInfo.totalRecords").GetValue<int>());
    }

    [Fact]
    public async Task AChangeThatFailsHalfWayLeavesNeitherTheChangeNorItsAuditEvent()
    {
        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        var eventsBefore = await LastIdAsync();

        // The pass is written; the statement that carries its audit event and the event outbox insert then fails:
        // all of it must go.
        App.Faults.FailNext(sql => sql.Contains("INSERT INTO", StringComparison.Ordinal) && sql.Contains("webhook_events", StringComparison.Ordinal));
        var result = await App.GraphQLAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}");

        Assert.NotNull(result["errors"]);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));
        Assert.Equal(eventsBefore, await LastIdAsync());
    }

    [Fact]
    public async Task AChangesAuditEventTravelsWithTheUseCasesOtherNewRowsInOneCommandBeforeTheCommit()
    {
        App.Statements.Reset();
        await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}");

        // PostgreSQL's statements name tables unquoted, SQLite's quoted. The pass is inserted first (its id goes into
        // the event); its audit row and the webhook event are inserted together by one command, after the read of
        // the listening endpoints.
        var statements = App.Statements.Statements.Select(sql => sql.Replace("\"", "", StringComparison.Ordinal)).ToList();
        var pass = statements.FindIndex(sql => sql.Contains("INSERT INTO passes", StringComparison.Ordinal));
        var audit = statements.FindIndex(sql => sql.Contains("INSERT INTO audit_events", StringComparison.Ordinal));
        Assert.InRange(pass, 0, audit - 1);
        Assert.DoesNotContain("audit_events", statements[pass], StringComparison.Ordinal);
        Assert.True(audit > statements.FindIndex(sql => sql.Contains("FROM webhook_endpoints", StringComparison.Ordinal)));
        Assert.Contains("INSERT INTO webhook_events", statements[audit], StringComparison.Ordinal);
        Assert.Single(statements, sql => sql.Contains("INSERT INTO audit_events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTrailIsExportableAsCsv()
    {
        await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"CSV\", name: \"Quote \\\"this\\\", please\"}) { trainingPassType { id } errors { label } } } }");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/audit-events.csv?from=2023-01-01T00:00:00Z");
        request.Headers.Authorization = new("Bearer", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,occurredAt,entityType,entityId,action,actorOrganizationId,actorCredentialId,organizationId,before,after", lines[0]);
        Assert.Contains(lines, l => l.Contains(",TrainingPassType,2,created,1,1,1,,", StringComparison.Ordinal) && l.Contains("\"\"Quote \\\"\"this\\\"\", please\"\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Http.GetAsync("/audit-events.csv")).StatusCode);
        using var future = new HttpRequestMessage(HttpMethod.Get, "/audit-events.csv?from=2030-01-01T00:00:00Z");
        future.Headers.Authorization = new("Bearer", TestApp.RootKey);
        Assert.Single((await (await App.Http.SendAsync(future)).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Runs a change and requires exactly these new audit events (entity type and action), in order.</summary>
    private async Task<T> ExpectAsync<T>(string[] expected, Func<Task<T>> change)
    {
        var last = await LastIdAsync();
        var result = await change();
        await using var db = App.Database.CreateContext();
        var added = await db.AuditEvents.Where(e => e.Id > last).OrderBy(e => e.Id).Select(e => e.EntityType + " " + e.Action).ToListAsync();
        Assert.Equal(expected, added);
        return result;
    }

    private async Task<long> LastIdAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private static string Canonical(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        return new JsonObject(node.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
    }

    public sealed class OnSqlite() : AuditTrailTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AuditTrailTests(DatabaseProvider.Postgres);
}
