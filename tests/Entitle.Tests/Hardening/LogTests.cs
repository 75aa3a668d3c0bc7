using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening;

/// <summary>
/// Logs never hold a credential or a full training key: every secret the app handles in a busy session —
/// credentials issued, rotated, presented and refused; keys minted, searched, redeemed and mistyped; failures the
/// error boundary logs — is searched for in every entry, with every category logging at Trace.
/// </summary>
public abstract class LogTests(DatabaseProvider provider) : IAsyncLifetime, IDisposable
{
    private readonly CapturedLogs _logs = new();
    private TestApp? _app;

    private TestApp App => _app!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        }, logs: _logs);

    public async Task DisposeAsync() => await App.DisposeAsync();

    public void Dispose()
    {
        _logs.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task NoCredentialOrFullTrainingKeyIsEverLogged()
    {
        var secrets = new List<string> { TestApp.RootKey };
        var (_, first) = await App.CreateAccountAsync("Logged Co");
        secrets.Add(first);
        var rotated = (await App.GraphQLAsync("mutation { account { rotateCredential(input: {}) { credential } } }", credential: first)).Text("data.account.rotateCredential.credential");
        secrets.Add(rotated);
        using (await App.PostGraphQLAsync("{ regions { edges { node { id } } } }", credential: first))
        {
            // The revoked credential, presented once more.
        }

        const string Chosen = "CHOSEN-KEY-7Q4M-PX2W";
        secrets.Add(Chosen);
        var minted = await TmsAsync("CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&maxKeyUses=5&count=3");
        secrets.AddRange(minted["CreateSubscriptionsResults"]!.AsArray().Select(r => r!.Text("trainingKey")));
        await TmsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&maxKeyUses=5&trainingKeys={Chosen}");
        await TmsAsync("SearchSubscriptionTrainingKeys?subscriptionProfileId=1");
        await TmsAsync("CheckCourseAccess?userId=31&courseId=1");
        await TmsAsync($"RedeemSubscriptionTrainingKey?trainingKey={secrets[^1]}&userId=31");
        await TmsAsync($"RedeemSubscriptionTrainingKey/{secrets[^2]}?userId=32");
        await TmsAsync($"RedeemSubscriptionTrainingKey?trainingKey={Chosen}&userId=31", rotated);
        await App.GraphQLAsync($"mutation {{ trainingPass {{ redeemKey(input: {{trainingKey: \"{Chosen}\", contactId: \"{Ids.Person(33)}\"}}) {{ trainingPass {{ id }} errors {{ message }} }} }} }}");
        const string Mistyped = "MISTYPED-KEY-9Z8Y-7X6W";
        secrets.Add(Mistyped);
        await TmsAsync($"RedeemSubscriptionTrainingKey?trainingKey={Mistyped}&userId=31");

        // A failure logged with its exception, on a request that carries a key.
        App.Faults.FailNext(sql => sql.Contains("training_keys", StringComparison.Ordinal));
        var failed = await TmsAsync($"RedeemSubscriptionTrainingKey?trainingKey={Chosen}&userId=34");
        Assert.Equal(10, failed["Status"]!.GetValue<int>());

        var entries = _logs.Entries.ToList();
        Assert.True(entries.Count > 50, $"Only {entries.Count} entries were logged: the capture does not see the app's logs.");
        Assert.Contains(entries, e => e.Contains("training_keys", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Entitle.Requests: GET /api/2.0/RedeemSubscriptionTrainingKey answered 200", StringComparison.Ordinal));

        // CheckCourseAccess checks the credential in its own statement; the entry still names who acted.
        var check = Assert.Single(entries, e => e.Contains("Entitle.Requests: GET /api/2.0/CheckCourseAccess answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain("null", check, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(entries, e => e.StartsWith("Error Entitle.Tms: TMS method RedeemSubscriptionTrainingKey failed", StringComparison.Ordinal) && e.Contains("Injected fault", StringComparison.Ordinal));
        var leaks = entries.Where(e => secrets.Any(s => e.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Logged secrets:\n" + string.Join("\n", leaks.Take(5)));
    }

    private async Task<JsonNode> TmsAsync(string methodAndQuery, string apiKey = TestApp.RootKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + methodAndQuery);
        request.Headers.Add("api_key", apiKey);
        using var response = await App.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public sealed class OnSqlite() : LogTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : LogTests(DatabaseProvider.Postgres);
}
