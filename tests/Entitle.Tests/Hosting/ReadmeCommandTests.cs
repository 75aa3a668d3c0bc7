using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hosting;

/// <summary>
/// The README's run command, as a newcomer types it: <c>dotnet run --project src/Entitle -- --demo</c> starts the
/// service, prints the root credential once, and answers the seed's search. Only the database location and the
/// port are pointed elsewhere, so parallel tests do not share a file or a port.
/// </summary>
public abstract class ReadmeCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<AppProcess> _processes = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await EmptyDatabase.CreateAsync(provider);

    [Fact]
    public async Task TheRunCommandStartsTheDemoAndPrintsTheRootCredentialOnce()
    {
        var first = await StartAsync(bootstrapKey: null, "--demo");
        var credential = first.Output.Split('\n').First(l => l.StartsWith("Root credential", StringComparison.Ordinal)).Split("): ")[1].Trim();

        // Each log entry is one line, its level and category beside its message: the shape log collectors split on.
        Assert.Contains(first.Output.Split('\n'), line => line.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal) && line.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Equal("ok", await first.Http.GetStringAsync("/healthz"));
        var search = await SearchAsync(first.Http, credential);
        Assert.Equal("Gold pass", search.Text("data.trainingPassTypes.edges.0.node.name"));
        Assert.Contains("Demo account Acme Corporation", first.Output, StringComparison.Ordinal);

        // A second start on the same database creates no second root and adds no second demo.
        await first.StopAsync();
        var second = await StartAsync(bootstrapKey: null, "--demo");
        Assert.DoesNotContain("Root credential", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo account", second.Output, StringComparison.Ordinal);
        Assert.Single((await SearchAsync(second.Http, credential)).At("data.trainingPassTypes.edges").AsArray());
    }

    [Fact]
    public async Task TheBootstrapKeyBecomesTheRootCredential()
    {
        var app = await StartAsync(bootstrapKey: "readme-root-key");

        Assert.DoesNotContain("Root credential", app.Output, StringComparison.Ordinal);
        Assert.Empty((await SearchAsync(app.Http, "readme-root-key")).At("data.trainingPassTypes.edges").AsArray());
        using var denied = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{currencies{pageInfo{totalRecords}}}\"}", Encoding.UTF8, "application/json") };
        denied.Headers.Authorization = new("Bearer", "another-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.SendAsync(denied)).StatusCode);
    }

    private async Task<AppProcess> StartAsync(string? bootstrapKey, params string[] arguments)
    {
        var app = await AppProcess.StartAsReadmeSaysAsync(
            new Dictionary<string, string?>
            {
                ["Database__Provider"] = provider.ToString(),
                ["ConnectionStrings__Entitle"] = _connectionString,
                ["ENTITLE_BOOTSTRAP_KEY"] = bootstrapKey,
            },
            arguments);
        _processes.Add(app);
        return app;
    }

    private static async Task<JsonNode> SearchAsync(HttpClient http, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query": "{ trainingPassTypes(filters: [{field: lifecycleState, operation: eq, value: \"published\"}]) { edges { node { name } } } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", credential);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await EmptyDatabase.DropAsync(provider, _connectionString);
    }

    public sealed class OnSqlite() : ReadmeCommandTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ReadmeCommandTests(DatabaseProvider.Postgres);
}
