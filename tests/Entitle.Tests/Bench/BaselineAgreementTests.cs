using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Entitle.Bench.Baseline;
using Entitle.Bench.Data;
using Entitle.Bench.Suite;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Entitle.Tests.Bench;

/// <summary>
/// Every ratio in docs/benchmarks.md is taken against a baseline: the same work as plain SQL. A baseline that did
/// less (skipped a row, a check, the credential) or answered otherwise would be a floor for other work. Here the
/// generator's small data set is loaded, the service and the baseline program run side by side on it (one clock),
/// and each workload's requests, as the suite sends them, must get the same answers and leave the same rows.
/// </summary>
public abstract class BaselineAgreementTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DataSize Size = DataSize.Small;

    /// <summary>Members naming what each side created (a pass, a key, a batch): their values differ between the sides.</summary>
    private static readonly HashSet<string> OwnNumbering = ["id", "passId", "keyId", "trainingKey", "batchId", "firstId", "lastId", "Id"];

    private TestApp? _app;
    private WebApplication? _baseline;
    private GeneratedData? _data;

    private TestApp App => _app!;

    private GeneratedData Data => _data!;

    private SuiteRequests Requests => new(Data);

    private Uri BaselineAddress => new(_baseline!.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    private BaselineDatabase Ledger => new(provider == DatabaseProvider.Postgres, App.Database.ConnectionString);

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestApp.DefaultNow);
        await using (var writer = provider == DatabaseProvider.Postgres
            ? (ITableWriter)await PostgresTableWriter.OpenAsync(database.ConnectionString, CancellationToken.None)
            : await SqliteTableWriter.OpenAsync(database.ConnectionString, forLoad: true, CancellationToken.None))
        {
            _data = await new BenchDataGenerator(Size, clock).WriteAsync(writer, CancellationToken.None);
        }

        _app = await TestApp.StartAsync(database, demo: false, TestApp.DefaultNow, settings: null);
        _baseline = BaselineServer.Build(["--urls", "http://127.0.0.1:0"], provider == DatabaseProvider.Postgres, database.ConnectionString, clock);
        await _baseline.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_baseline is not null)
        {
            await _baseline.StopAsync();
            await _baseline.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheGeneratedSetHoldsTheDocumentedRows()
    {
        Assert.Equal(1 + Size.Organizations, await CountAsync("SELECT COUNT(*) FROM organizations"));
        Assert.Equal(Size.Organizations, await CountAsync("SELECT COUNT(*) FROM organizations WHERE parent_id = 1"));
        Assert.Equal(Size.Contacts, await CountAsync("SELECT COUNT(*) FROM contacts"));
        Assert.Equal(Size.Courses, await CountAsync("SELECT COUNT(*) FROM course_templates"));
        Assert.Equal(Size.LearningPaths, await CountAsync("SELECT COUNT(*) FROM learning_paths"));
        Assert.Equal(Size.LearningPaths * DataSize.CoursesPerPath, await CountAsync("SELECT COUNT(*) FROM learning_path_course"));
        Assert.Equal(Size.PassTypes, await CountAsync("SELECT COUNT(*) FROM pass_types WHERE lifecycle_state = 'published'"));
        Assert.Equal(Size.PassTypes * (DataSize.CoursesPerPassType + DataSize.PathsPerPassType), await CountAsync("SELECT COUNT(*) FROM pass_type_content_items"));
        Assert.Equal(Size.PassTypes, await CountAsync(
            $"SELECT COUNT(*) FROM (SELECT pass_type_id FROM pass_type_content_items GROUP BY pass_type_id HAVING COUNT(course_template_id) = {DataSize.CoursesPerPassType} AND COUNT(learning_path_id) = {DataSize.PathsPerPassType}) t"));
        Assert.Equal(Size.PassTypes * DataSize.OptionsPerPassType, await CountAsync("SELECT COUNT(*) FROM pass_type_options WHERE lifecycle_state = 'published'"));
        Assert.Equal(Size.PassTypes * DataSize.OptionsPerPassType, await CountAsync("SELECT COUNT(*) FROM pass_type_option_prices WHERE currency_code = 'USD'"));
        Assert.Equal(Size.Passes, await CountAsync("SELECT COUNT(*) FROM passes"));
        Assert.Equal(Size.Contacts, await CountAsync($"SELECT COUNT(*) FROM (SELECT contact_id FROM passes GROUP BY contact_id HAVING COUNT(*) = {Size.PassesPerContact}) p"));
        Assert.Equal(Size.Keys, await CountAsync("SELECT COUNT(*) FROM training_keys WHERE uses = 0"));
        Assert.Equal(Size.Keys / DataSize.KeysPerBatch, await CountAsync("SELECT COUNT(*) FROM key_batches"));

        // "Seven in ten valid now, the rest expired, not yet started or cancelled" (docs/benchmarks.md, Data sets).
        var validNow = await CountAsync("SELECT COUNT(*) FROM passes WHERE cancelled_at IS NULL AND valid_from <= @now AND valid_until > @now", ("now", Data.GeneratedAt));
        Assert.InRange(validNow / (double)Size.Passes, 0.65, 0.75);
        foreach (var condition in new[] { "valid_until <= @now", "valid_from > @now", "cancelled_at IS NOT NULL" })
        {
            Assert.True(await CountAsync($"SELECT COUNT(*) FROM passes WHERE {condition}", ("now", Data.GeneratedAt)) > 0, condition);
        }

        Assert.Equal(Math.Min(10_000, Size.Contacts), Data.Probes.Count); // one a contact, up to 10,000
    }

    [Fact]
    public async Task TheBaselineAndBothApisAnswerTheAccessProbesAlike()
    {
        var reasons = await SideAgreement.AccessAnswersAsync(App.Http.BaseAddress!, BaselineAddress, Requests, 150, CancellationToken.None);

        // The probes ask about granted and refused access both, so that the refusals' reasons are compared too.
        Assert.True(reasons.GetValueOrDefault("granted") > 0, string.Join(", ", reasons));
        Assert.True(reasons.Count(r => r.Key != "granted") >= 2, string.Join(", ", reasons));
    }

    [Fact]
    public async Task TheCatalogPageIsTheSameJson()
    {
        var answer = await SideAgreement.SameAnswerAsync(App.Http.BaseAddress!, Requests.GraphQLCatalog(), BaselineAddress, Requests.BaselineCatalog(), "W2", CancellationToken.None);

        var types = JsonNode.Parse(answer)!["data"]!["trainingPassTypes"]!["edges"]!.AsArray();
        Assert.Equal(100, types.Count);
        var first = types[0]!["node"]!;
        Assert.Equal(20, first["content"]!["edges"]!.AsArray().Count);
        Assert.Equal(DataSize.OptionsPerPassType, first["options"]!["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task ARedemptionWritesTheRowsTheServiceWrites()
    {
        for (var n = 0; n < 4; n++)
        {
            var (fromEntitle, entitleRows) = await WriteAsync(App.Http, Requests.Redeem(baseline: false, n));
            var (fromBaseline, baselineRows) = await WriteToBaselineAsync(Requests.Redeem(baseline: true, n));

            Assert.Equal(0, fromEntitle["Status"]!.GetValue<int>());
            Assert.Equal(0, fromBaseline["Status"]!.GetValue<int>());
            Assert.Equal(new WriteLedger(1, 1, 1, 2, 2), entitleRows);
            Assert.Equal(entitleRows, baselineRows);
            Assert.Equal(
                await PassAsync(fromEntitle["ClubMembershipId"]!.GetValue<int>()),
                await PassAsync(fromBaseline["ClubMembershipId"]!.GetValue<int>()));
        }

        Assert.Null(await WriteLedger.BrokenRedemptionRulesAsync(Ledger, CancellationToken.None));
        await SameEventsAsync(audit: 2, webhooks: 2);
    }

    [Fact]
    public async Task AnIssuedPassIsThePassTheServiceIssues()
    {
        var passes = new List<int>();
        for (var n = 0; n < 4; n++)
        {
            var (fromEntitle, entitleRows) = await WriteAsync(App.Http, Requests.Issue(baseline: false, n));
            var (fromBaseline, baselineRows) = await WriteToBaselineAsync(Requests.Issue(baseline: true, n));

            var entitlePayload = fromEntitle["data"]!["trainingPass"]!["issuePass"]!;
            var baselinePayload = fromBaseline["data"]!["trainingPass"]!["issuePass"]!;
            Assert.Empty(entitlePayload["errors"]!.AsArray());
            Assert.Equal(new WriteLedger(1, 0, 0, 1, 1), entitleRows);
            Assert.Equal(entitleRows, baselineRows);
            var (entitlePass, baselinePass) = (PassId(entitlePayload), PassId(baselinePayload));
            Assert.Equal(await PassAsync(entitlePass), await PassAsync(baselinePass));

            // The same payload, the pass's own id apart.
            entitlePayload["trainingPass"]!["id"] = null;
            baselinePayload["trainingPass"]!["id"] = null;
            Assert.Equal(TestApp.Json(entitlePayload), TestApp.Json(baselinePayload));
            passes.Add(entitlePass);
        }

        Assert.Equal(4, passes.Distinct().Count());
        Assert.Equal(0, await WriteLedger.EmptyPassesAsync(Ledger, CancellationToken.None));
        await SameEventsAsync(audit: 1, webhooks: 1);
    }

    [Fact]
    public async Task MintingWritesTheRowsTheServiceWrites()
    {
        const int count = 25;
        var (fromEntitle, entitleRows) = await WriteAsync(App.Http, Requests.Mint(baseline: false, count));
        var (fromBaseline, baselineRows) = await WriteToBaselineAsync(Requests.Mint(baseline: true, count));

        Assert.Equal(0, fromEntitle["Status"]!.GetValue<int>());
        Assert.Equal(0, fromBaseline["Status"]!.GetValue<int>());
        Assert.Equal(new WriteLedger(0, 0, 0, 1, 1), entitleRows);
        Assert.Equal(entitleRows, baselineRows);
        var entitleKeys = fromEntitle["CreateSubscriptionsResults"]!.AsArray();
        var baselineKeys = fromBaseline["CreateSubscriptionsResults"]!.AsArray();
        Assert.Equal(count, entitleKeys.Count);
        Assert.Equal(count, baselineKeys.Count);
        Assert.Equal(Members(entitleKeys[0]!), Members(baselineKeys[0]!));

        // Each batch: its row, its keys (as the answer gave them), and what they grant, alike on both sides.
        var batches = await RowsAsync("SELECT id, organization_id, pass_type_id, key_count, caller_chosen, created_by_organization_id FROM key_batches ORDER BY id DESC LIMIT 2");
        Assert.Equal(batches[0][1..], batches[1][1..]);
        foreach (var (batch, answer) in new[] { (batches[1][0], entitleKeys), (batches[0][0], baselineKeys) })
        {
            var keys = await RowsAsync($"SELECT id, key, organization_id, pass_type_id, expiration_date, max_key_uses, uses, created_by_organization_id, updated_by_organization_id FROM training_keys WHERE batch_id = {batch} ORDER BY id");
            Assert.Equal(answer.Select(k => $"{k!["Id"]} {k["trainingKey"]}"), keys.Select(k => $"{k[0]} {k[1]}"));
            Assert.Single(keys.Select(k => string.Join(" ", k[2..])).Distinct());
        }

        var entitleKey = await RowsAsync($"SELECT organization_id, pass_type_id, expiration_date, max_key_uses, created_by_organization_id FROM training_keys WHERE batch_id = {batches[1][0]} LIMIT 1");
        var baselineKey = await RowsAsync($"SELECT organization_id, pass_type_id, expiration_date, max_key_uses, created_by_organization_id FROM training_keys WHERE batch_id = {batches[0][0]} LIMIT 1");
        Assert.Equal(entitleKey, baselineKey);
        await SameEventsAsync(audit: 1, webhooks: 1);
    }

    /// <summary>Sends one write and answers its JSON and the rows it added (read straight from the database).</summary>
    private async Task<(JsonNode Answer, WriteLedger Rows)> WriteAsync(HttpClient http, HttpRequestMessage request)
    {
        var before = await WriteLedger.ReadAsync(Ledger, CancellationToken.None);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{request.RequestUri}: HTTP {(int)response.StatusCode} {body}");
        var after = await WriteLedger.ReadAsync(Ledger, CancellationToken.None);
        return (JsonNode.Parse(body)!, after.Since(before));
    }

    private async Task<(JsonNode Answer, WriteLedger Rows)> WriteToBaselineAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient { BaseAddress = BaselineAddress };
        return await WriteAsync(http, request);
    }

    private static int PassId(JsonNode payload) => int.Parse(
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload["trainingPass"]!["id"]!.GetValue<string>())).Split(':')[1], CultureInfo.InvariantCulture);

    /// <summary>A pass as stored, its own id and row times apart.</summary>
    private async Task<string> PassAsync(int id) => string.Join(" | ", (await RowsAsync(
        $"SELECT contact_id, pass_type_id, option_id, valid_from, valid_until, cancelled_at, external_id, target_completion, version FROM passes WHERE id = {id}")).Single());

    /// <summary>
    /// Each side's audit and webhook events must say the same (apart from the ids each side numbers), the events of
    /// one write taken together in any order: the sides wrote in turn, the service first, <paramref name="audit"/>
    /// audit events and <paramref name="webhooks"/> webhook events a write.
    /// </summary>
    private async Task SameEventsAsync(int audit, int webhooks)
    {
        var auditRows = await RowsAsync("SELECT action, entity_type, actor_organization_id, actor_credential_id, subject_organization_id, after FROM audit_events ORDER BY id");
        var webhookRows = await RowsAsync("SELECT type, subject_organization_id, data FROM webhook_events ORDER BY id");
        static string Shape(string[] row) => string.Join(" ", row[..^1]) + " " + Members(JsonNode.Parse(row[^1])!);
        static string Side(List<string[]> rows, int perWrite, int side) => string.Join(
            "\n",
            rows.Select(Shape).Chunk(perWrite).Where((_, write) => write % 2 == side).Select(events => string.Join("; ", events.Order(StringComparer.Ordinal))));
        Assert.NotEmpty(auditRows);
        Assert.NotEmpty(webhookRows);
        Assert.Equal(0, auditRows.Count % (2 * audit));
        Assert.Equal(0, webhookRows.Count % (2 * webhooks));
        var (fromEntitle, fromBaseline) = (Side(auditRows, audit, 0) + "\n--\n" + Side(webhookRows, webhooks, 0), Side(auditRows, audit, 1) + "\n--\n" + Side(webhookRows, webhooks, 1));
        Assert.True(fromEntitle == fromBaseline, $"The service's events:\n{fromEntitle}\nThe baseline's:\n{fromBaseline}");
    }

    /// <summary>The members of a JSON object in order, with their values, apart from the ids each side numbers its own way (its value's kind only).</summary>
    private static string Members(JsonNode node) => string.Join(",", node.AsObject().Select(p =>
        $"{p.Key}:{(OwnNumbering.Contains(p.Key) ? p.Value?.GetValueKind() : p.Value?.ToJsonString() ?? "null")}"));

    private async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Ledger.OpenAsync(CancellationToken.None);
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<List<string[]>> RowsAsync(string sql)
    {
        await using var connection = await Ledger.OpenAsync(CancellationToken.None);
        await using var command = Command(connection, sql, []);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray());
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            BaselineDatabase.Parameter(command, name, value);
        }

        return command;
    }

    public sealed class OnSqlite() : BaselineAgreementTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BaselineAgreementTests(DatabaseProvider.Postgres);
}
