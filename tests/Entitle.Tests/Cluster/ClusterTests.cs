using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Npgsql;

namespace Entitle.Tests.Cluster;

/// <summary>
/// Two Entitle processes, started from the built app, serving one PostgreSQL database: every invariant holds
/// across processes because the database enforces it.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private const string RootKey = "cluster-root-key";
    private readonly List<AppProcess> _nodes = [];
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await EmptyDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (exitCode, output) = await AppProcess.RunToEndAsync(Environment(), "migrate");
        Assert.True(exitCode == 0, output);
        Assert.Contains("The database is migrated.", output, StringComparison.Ordinal);
        _nodes.Add(await AppProcess.StartAsync(Environment(), ["--demo"]));
        _nodes.Add(await AppProcess.StartAsync(Environment()));
    }

    [Fact]
    public async Task TwoHundredRedemptionsAcrossBothProcessesTakeExactlyFiftyUses()
    {
        var learners = await AddLearnersAsync(200);
        var minted = await TmsAsync(_nodes[0], "CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&maxKeyUses=50&trainingKeys=CROWD");
        Assert.Equal(0, minted["Status"]!.GetValue<int>());

        var answers = await Task.WhenAll(learners.Select((learner, i) => TmsAsync(_nodes[i % 2], $"RedeemSubscriptionTrainingKey?trainingKey=CROWD&userId={learner}")));

        Assert.Equal(50, answers.Count(a => a["Status"]!.GetValue<int>() == 0));
        var refusals = answers.Where(a => a["Status"]!.GetValue<int>() != 0).ToList();
        Assert.Equal(150, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("trainingKey: This key has been used the maximum number of times (50).", r["Error"]!.GetValue<string>()));
        Assert.Equal(50L, await ScalarAsync("SELECT uses FROM training_keys WHERE key = 'CROWD'"));
        Assert.Equal(50L, await ScalarAsync("SELECT count(*) FROM key_redemptions"));
        Assert.Equal(50L, await ScalarAsync("SELECT count(*) FROM passes p JOIN key_redemptions r ON r.pass_id = p.id"));
    }

    [Fact]
    public async Task ACredentialRotatedOnOneProcessIsRefusedAtOnceByBoth()
    {
        var created = await TmsAsync(_nodes[0], "CreateOrganization?Name=Rotating%20Co");
        var account = created["OrganizationId"]!.GetValue<int>();
        var first = created["IntegrationKey"]!.GetValue<string>();
        Assert.All(await Task.WhenAll(_nodes.Select(n => TmsAsync(n, $"GetOrganization?id={account}", first))), a => Assert.Equal(0, a["Status"]!.GetValue<int>()));

        var rotated = await GraphQLAsync(_nodes[1], "mutation { account { rotateCredential(input: {}) { credential errors { message } } } }", credential: first);
        var second = rotated.Text("data.account.rotateCredential.credential");

        // The very next requests, on either process: no cache keeps the old credential alive.
        foreach (var node in _nodes)
        {
            Assert.Equal(30, (await TmsAsync(node, $"GetOrganization?id={account}", first))["Status"]!.GetValue<int>());
            using var refused = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ regions { edges { node { id } } } }" }) };
            refused.Headers.Authorization = new("Bearer", first);
            using var answer = await node.Http.SendAsync(refused);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal(0, (await TmsAsync(node, $"GetOrganization?id={account}", second))["Status"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task ConcurrentRenewalsAndARevocationEndInAStateSomeSerialOrderExplains()
    {
        var pass = (await GraphQLAsync(_nodes[0], $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(33)}\", validFrom: \"2030-01-01T00:00:00Z\", validUntil: \"2031-01-01T00:00:00Z\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}")).Text("data.trainingPass.issuePass.trainingPass.id");
        var renew = $"mutation {{ trainingPass {{ renewPass(input: {{trainingPassId: \"{pass}\"}}) {{ trainingPass {{ validUntil }} errors {{ message }} }} }} }}";
        var revoke = $"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{pass}\"}}) {{ trainingPass {{ lifecycleState }} errors {{ message }} }} }} }}";

        var requests = Enumerable.Range(0, 20).Select(i => GraphQLAsync(_nodes[i % 2], i == 10 ? revoke : renew)).ToList();
        var answers = await Task.WhenAll(requests);

        var renewals = answers.Where((_, i) => i != 10).Select(a => a.At("data.trainingPass.renewPass")).ToList();
        var succeeded = renewals.Where(r => r["errors"]!.AsArray().Count == 0).Select(r => r.Text("trainingPass.validUntil")).ToList();
        Assert.Equal("cancelled", answers[10].Text("data.trainingPass.revokePass.trainingPass.lifecycleState"));
        Assert.All(renewals.Where(r => r["errors"]!.AsArray().Count > 0), r => Assert.Contains("revoked", r.Text("errors.0.message"), StringComparison.Ordinal));

        // Serially: k renewals (each one year more), then the revocation, then refusals.
        var expected = Enumerable.Range(1, succeeded.Count).Select(k => $"{2031 + k}-01-01T00:00:00Z").ToList();
        Assert.Equal(expected, succeeded.Order(StringComparer.Ordinal));
        var final = await GraphQLAsync(_nodes[1], $"{{ node(id: \"{pass}\") {{ ... on TrainingPass {{ lifecycleState validUntil }} }} }}");
        Assert.Equal("cancelled", final.Text("data.node.lifecycleState"));
        Assert.Equal($"{2031 + succeeded.Count}-01-01T00:00:00Z", final.Text("data.node.validUntil"));
    }

    [Fact]
    public async Task CollidingCallerChosenKeysAreNeverDuplicated()
    {
        var batches = Enumerable.Range(0, 12).Select(i => Enumerable.Range(i * 3, 6).Select(k => $"key-{k}").ToList()).ToList();

        var answers = await Task.WhenAll(batches.Select((keys, i) =>
            TmsAsync(_nodes[i % 2], $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&trainingKeys={string.Join(",", i % 3 == 0 ? keys.Select(k => k.ToUpperInvariant()) : keys)}")));

        var created = answers.Where(a => a["Status"]!.GetValue<int>() == 0).ToList();
        Assert.All(answers.Where(a => a["Status"]!.GetValue<int>() != 0), a => Assert.Contains("already exists", a["Error"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.NotEmpty(created);
        Assert.Equal(created.Sum(a => a["CreateSubscriptionsResults"]!.AsArray().Count), await ScalarAsync("SELECT count(*) FROM training_keys"));
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM training_keys"), await ScalarAsync("SELECT count(DISTINCT normalized_key) FROM training_keys"));
    }

    [Fact]
    public async Task ARetryArrivingAtTheOtherProcessAtTheSameTimeIssuesOnePass()
    {
        var issue = $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(34)}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => GraphQLAsync(_nodes[i % 2], issue, idempotencyKey: "same-retry")));

        Assert.Single(answers.Select(a => a.ToJsonString()).Distinct());
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM passes WHERE contact_id = 34"));
    }

    [Fact]
    public async Task KillingAProcessWhileItMintsAHundredThousandKeysLeavesAllOrNone()
    {
        var victim = _nodes[1];
        var minting = TmsAsync(victim, "CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&numberOfKeys=100000");

        // Strike while the key rows are being copied in, inside the batch's transaction.
        await WaitUntilAsync(async () => minting.IsCompleted || await ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY%training_keys%'") > 0, TimeSpan.FromSeconds(60));
        victim.Kill();
        var answered = minting.IsCompletedSuccessfully;
        if (!answered)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => minting);
        }

        _nodes[1] = await AppProcess.StartAsync(Environment());
        var keys = await ScalarAsync("SELECT count(*) FROM training_keys");
        Assert.Contains(keys, new[] { 0L, 100_000L });
        Assert.True(!answered || keys == 100_000, "An answered batch must be there in full.");
        Assert.Equal(keys == 0 ? 0 : 1, await ScalarAsync("SELECT count(*) FROM audit_events WHERE entity_type = 'TrainingKeyBatch'"));
        Assert.Equal(keys == 0 ? 0 : 1, await ScalarAsync("SELECT count(*) FROM webhook_events WHERE type = 'keys.minted'"));
        var again = await TmsAsync(_nodes[1], "CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&numberOfKeys=10");
        Assert.Equal(0, again["Status"]!.GetValue<int>());
        Assert.Equal(keys + 10, await ScalarAsync("SELECT count(*) FROM training_keys"));
    }

    [Fact]
    public async Task ARollingRestartLosesNoAcknowledgedWrite()
    {
        var acknowledged = new ConcurrentBag<int>();
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = $"load-{worker}-{n}";
                var issue = $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(31 + n % 10)}\"}}) {{ trainingPass {{ legacyId }} errors {{ label }} }} }} }}";
                var answer = await ThroughBalancerAsync(issue, key, worker + n);
                if (answer?["data"]?["trainingPass"]?["issuePass"]?["trainingPass"]?["legacyId"] is { } id)
                {
                    acknowledged.Add(id.GetValue<int>());
                }
                else
                {
                    failures.Add(answer?.ToJsonString() ?? "no node answered");
                }
            }
        })));

        for (var i = 0; i < _nodes.Count; i++)
        {
            await WaitUntilAsync(() => Task.FromResult(acknowledged.Count >= 20 * (i + 1)), TimeSpan.FromSeconds(60));
            var port = _nodes[i].Port;
            await _nodes[i].StopAsync();
            await _nodes[i].DisposeAsync();
            _nodes[i] = await AppProcess.StartAsync(Environment(), port: port);
        }

        await WaitUntilAsync(() => Task.FromResult(acknowledged.Count >= 60), TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await load;

        Assert.Empty(failures);
        var stored = await ScalarAsync($"SELECT count(*) FROM passes WHERE id IN ({string.Join(",", acknowledged)})");
        Assert.Equal(acknowledged.Distinct().Count(), stored);
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
    }

    /// <summary>
    /// A load balancer's retry: a node that refuses the connection, drops it, or answers 503 while it stops is
    /// skipped for the other. The Idempotency-Key makes a retry of a request that did reach a node safe.
    /// </summary>
    private async Task<JsonNode?> ThroughBalancerAsync(string query, string idempotencyKey, int start)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var node = _nodes[(start + attempt) % _nodes.Count];
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{node.Port}/graphql") { Content = JsonContent.Create(new { query }) };
                request.Headers.Authorization = new("Bearer", RootKey);
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                using var response = await Balancer.SendAsync(request);
                if ((int)response.StatusCode == 503)
                {
                    continue;
                }

                return JsonNode.Parse(await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException)
            {
                // Refused or reset: the balancer tries the next node.
            }
        }

        return null;
    }

    private static readonly HttpClient Balancer = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<JsonNode> GraphQLAsync(AppProcess node, string query, string? idempotencyKey = null, string credential = RootKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new("Bearer", credential);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await node.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> TmsAsync(AppProcess node, string methodAndQuery, string apiKey = RootKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + methodAndQuery);
        request.Headers.Add("api_key", apiKey);
        using var response = await node.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<List<int>> AddLearnersAsync(int count)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO contacts (organization_id, first_name, last_name, disabled, created_at, updated_at, version) " +
            "SELECT 2, 'Crowd', 'Learner ' || n, false, now(), now(), 0 FROM generate_series(1, $1) AS n RETURNING id",
            connection);
        insert.Parameters.AddWithValue(count);
        var ids = new List<int>();
        await using var reader = await insert.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls a condition the test cannot be told about otherwise (another process's progress), within a bound.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Entitle"] = _database,
        ["Database__MigrateOnStartup"] = "false",
        ["ENTITLE_BOOTSTRAP_KEY"] = RootKey,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await EmptyDatabase.DropAsync(DatabaseProvider.Postgres, _database);
    }
}
