using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening;

/// <summary>
/// Per-credential rate limits: past the limit, 429 with Retry-After in the API's own shape, nothing done, and
/// other credentials and the health probes still served.
/// </summary>
public abstract class RateLimitTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private const int Limit = 5;

    // A window far longer than the test, so that it cannot roll over while the test runs.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RateLimit:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["RateLimit:Window"] = "01:00:00",
    };

    [Fact]
    public async Task GraphQLPastTheLimitAnswers429WithRetryAfterAndDoesNothing()
    {
        var (_, other) = await App.CreateAccountAsync("Other Co"); // the root's first request
        for (var i = 1; i < Limit; i++)
        {
            using var allowed = await App.PostGraphQLAsync("{ regions { edges { node { id } } } }");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        using var refused = await App.PostGraphQLAsync("mutation { contact { create(input: {personalName: {firstName: \"Late\", lastName: \"Comer\"}, emailAddress: \"late@example.com\"}) { contact { id } errors { message } } } }");
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("RATE_LIMITED", body.Text("errors.0.extensions.code"));
        Assert.Contains("Too many requests", body.Text("errors.0.message"), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));

        using var otherCredential = await App.PostGraphQLAsync("{ regions { edges { node { id } } } }", credential: other);
        Assert.Equal(HttpStatusCode.OK, otherCredential.StatusCode);
        using var health = await App.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task TmsPastTheLimitAnswersItsEnvelopeWithASentence()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TmsAsync("GetUser?id=31")).StatusCode);
        }

        using var refused = await TmsAsync("GetUser?id=31");
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(10, body["Status"]!.GetValue<int>());
        Assert.Matches(@"^Too many requests: at most 5 per 3600 seconds for one credential\. Retry after \d+ seconds\.$", body.Text("Error"));
    }

    [Fact]
    public async Task RequestsWithoutACredentialAreCountedPerAddress()
    {
        for (var i = 0; i < Limit; i++)
        {
            using var unauthenticated = await App.PostGraphQLAsync("{ regions { edges { node { id } } } }", credential: null);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        }

        using var refused = await App.PostGraphQLAsync("{ regions { edges { node { id } } } }", credential: null);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var withCredential = await App.PostGraphQLAsync("{ regions { edges { node { id } } } }");
        Assert.Equal(HttpStatusCode.OK, withCredential.StatusCode);
    }

    private async Task<HttpResponseMessage> TmsAsync(string methodAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + methodAndQuery);
        request.Headers.Add("api_key", TestApp.RootKey);
        return await App.Http.SendAsync(request);
    }

    public sealed class OnSqlite() : RateLimitTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RateLimitTests(DatabaseProvider.Postgres);
}
