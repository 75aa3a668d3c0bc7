using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Entitle.Tests.Cluster;

/// <summary>
/// PostgreSQL goes down and comes back while clients keep sending: the service answers errors (not hangs) during
/// the outage, recovers by itself within seconds, and every request it acknowledged is in the database.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string RootKey = "restart-root-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(25);

    /// <summary>This test watches real processes on the wall clock: the outage is real, not simulated.</summary>
    private static readonly TimeProvider Clock = TimeProvider.System;
    private PostgresCluster? _cluster;
    private AppProcess? _app;
    private string _database = "";

    public async Task InitializeAsync()
    {
        // A server of this test's own: restarting the shared one would pull the rug from under every other test.
        _cluster = PostgresCluster.Start();
        _database = await EmptyDatabase.CreateAsync(DatabaseProvider.Postgres, _cluster.ConnectionString);
        _app = await AppProcess.StartAsync(Environment(), ["--demo"]);
    }

    [Fact]
    public async Task TheServiceAnswersThroughAnOutageAndLosesNoAcknowledgedWrite()
    {
        var acknowledged = new ConcurrentBag<int>();
        var outcomes = new ConcurrentQueue<(DateTime At, bool Success, TimeSpan Took, HttpStatusCode Status)>();
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = _app!.Http.BaseAddress, Timeout = Patience };
        var load = Task.WhenAll(Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var started = Stopwatch.StartNew();
                var (success, status, passId) = await IssueAsync(http, 31 + (worker * 3 + n) % 10);
                outcomes.Enqueue((Clock.GetUtcNow().UtcDateTime, success, started.Elapsed, status));
                if (passId is { } id)
                {
                    acknowledged.Add(id);
                }
            }
        })));

        await WaitUntilAsync(() => acknowledged.Count >= 10);
        _cluster!.StopServer();
        var down = Clock.GetUtcNow().UtcDateTime;
        await WaitUntilAsync(() => outcomes.Count(o => o.At > down && !o.Success) >= 6);
        _cluster.StartServer();
        var up = Clock.GetUtcNow().UtcDateTime;
        await WaitUntilAsync(() => outcomes.Any(o => o.At > up && o.Success));
        var recovered = outcomes.First(o => o.At > up && o.Success).At;
        await WaitUntilAsync(() => outcomes.Count(o => o.At > recovered && o.Success) >= 10);
        await stop.CancelAsync();
        await load;

        var duringOutage = outcomes.Where(o => o.At > down && o.At < up).ToList();
        output.WriteLine($"Outage {up - down}; {duringOutage.Count} answers during it, the slowest in {duringOutage.Max(o => o.Took)}; recovered {recovered - up} after the database came back; {acknowledged.Count} writes acknowledged.");
        Assert.NotEmpty(duringOutage);
        // Refused at the door (503, Retry-After) or, when the database went away mid-request, a GraphQL error.
        Assert.All(duringOutage.Where(o => !o.Success), o => Assert.Contains(o.Status, new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
        Assert.Contains(duringOutage, o => o.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(outcomes, o => Assert.True(o.Took < Patience, $"A request took {o.Took}."));
        Assert.True(recovered - up < TimeSpan.FromSeconds(15), $"Recovered {recovered - up} after the database came back.");

        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM passes WHERE id IN ({string.Join(",", acknowledged)})", connection);
        Assert.Equal(acknowledged.Count, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("ready", await _app.Http.GetStringAsync("/readyz"));
    }

    private static async Task<(bool Success, HttpStatusCode Status, int? PassId)> IssueAsync(HttpClient http, int contact)
    {
        var query = $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(contact)}\"}}) {{ trainingPass {{ legacyId }} errors {{ label }} }} }} }}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new("Bearer", RootKey);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var id = body?["data"]?["trainingPass"]?["issuePass"]?["trainingPass"]?["legacyId"]?.GetValue<int>();
        return (id is not null, response.StatusCode, id);
    }

    /// <summary>Polls what another process does (the app, the server), within a bound.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Entitle"] = _database,
        ["ENTITLE_BOOTSTRAP_KEY"] = RootKey,
        ["Logging__LogLevel__Default"] = "Error",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
