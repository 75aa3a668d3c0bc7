using System.Net;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hosting;

/// <summary>Every answer carries the security headers, whatever answered it.</summary>
public abstract class SecurityHeaderTests(DatabaseProvider provider) : AppTests(provider)
{
    [Theory]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/graphql?query=%7B__typename%7D")]
    [InlineData("POST", "/graphql")]
    [InlineData("PUT", "/graphql")]
    [InlineData("GET", "/api/2.0/GetUser?id=31")]
    [InlineData("GET", "/api/2.0/NoSuchMethod")]
    [InlineData("GET", "/no/such/page")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("api_key", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "The server's name and version are nobody's business.");
    }

    [Fact]
    public async Task WrongMethodsGet405InEachApisShape()
    {
        using var graphQL = await App.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/graphql"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, graphQL.StatusCode);
        Assert.Contains("\"errors\"", await graphQL.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var tms = await App.Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/2.0/GetUser"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, tms.StatusCode);
        Assert.Contains("\"Status\":10", await tms.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class OnSqlite() : SecurityHeaderTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SecurityHeaderTests(DatabaseProvider.Postgres);
}
