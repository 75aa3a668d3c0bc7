using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Entitle.Hosting;
using Entitle.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Entitle.Tests.Support;

/// <summary>
/// The real app on a loopback port over a database of its own, with a fake clock. Requests go through Kestrel
/// and the whole ASP.NET pipeline, exactly as a client's would.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string RootKey = "test-root-credential";

    /// <summary>The instant tests start at unless they say otherwise: a month before the seed's first pass.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2023, 4, 3, 9, 30, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private TestApp(WebApplication app, TestDatabase database, FakeTimeProvider clock, SqlStatementCounter counter, CommandFaults faults)
    {
        _app = app;
        Database = database;
        Clock = clock;
        Statements = counter;
        Faults = faults;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public SqlStatementCounter Statements { get; }

    public CommandFaults Faults { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(DatabaseProvider provider, bool demo = true, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return await StartAsync(database, demo, now, settings, logs);
    }

    /// <summary>An app on a database that already exists (a second process on the same data, say).</summary>
    public static async Task<TestApp> StartAsync(TestDatabase database, bool demo, DateTimeOffset? now, IDictionary<string, string?>? settings, ILoggerProvider? logs = null)
    {
        var provider = database.Provider;
        var clock = new FakeTimeProvider(now ?? DefaultNow);
        var counter = new SqlStatementCounter();
        var faults = new CommandFaults();
        var app = Entitle.Program.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Database:Provider"] = provider.ToString(),
                    ["ConnectionStrings:Entitle"] = database.ConnectionString,
                    // A context used by two operations at once fails the test with EF Core's own error.
                    ["Database:ThreadSafetyChecks"] = "true",
                    [DatabaseStartup.BootstrapKeyVariable] = RootKey,
                    // Tests drive the background work themselves, at the instants they choose.
                    ["Webhooks:WorkerEnabled"] = "false",
                });
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }

                builder.Logging.ClearProviders();
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                }

                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddSingleton<IInterceptor>(counter);
                builder.Services.AddSingleton<IInterceptor>(faults);
            });
        await DatabaseStartup.PrepareAsync(app.Services, new StartupOptions(demo, MigrateOnly: false), CancellationToken.None);
        await app.StartAsync();
        return new TestApp(app, database, clock, counter, faults);
    }

    /// <summary>Posts a GraphQL document as <paramref name="credential"/> and returns the whole JSON answer (HTTP 200 required).</summary>
    public async Task<JsonNode> GraphQLAsync(string query, object? variables = null, string credential = RootKey)
    {
        using var response = await PostGraphQLAsync(query, variables, credential);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<HttpResponseMessage> PostGraphQLAsync(string query, object? variables = null, string? credential = RootKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType, string? bearer = RootKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Creates an account under <paramref name="parentId"/> (a global id) and returns its id and credential.</summary>
    public async Task<(string Id, string Credential)> CreateAccountAsync(string name, string? parentId = null, string credential = RootKey)
    {
        var result = await GraphQLAsync(
            "mutation($input: AccountCreateInput!) { account { create(input: $input) { account { id } credential errors { label message } } } }",
            new { input = new { name, parentId } },
            credential);
        var payload = result["data"]!["account"]!["create"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return (payload["account"]!["id"]!.GetValue<string>(), payload["credential"]!.GetValue<string>());
    }

    public static string Json(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Database.DisposeAsync();
    }
}
