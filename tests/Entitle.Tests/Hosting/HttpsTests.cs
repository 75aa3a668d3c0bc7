using System.Net;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hosting;

/// <summary>
/// With <c>Security:RequireHttps</c>, plain HTTP is redirected to HTTPS, except for requests a trusted proxy says
/// arrived over HTTPS (it terminated TLS).
/// </summary>
public abstract class HttpsTests(DatabaseProvider provider) : AppTests(provider)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Security:RequireHttps"] = "true",
        ["Security:TrustForwardedHeaders"] = "true",
        ["https_port"] = "8443",
    };

    [Fact]
    public async Task PlainHttpIsRedirectedToHttps()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = App.Http.BaseAddress };
        using var response = await client.GetAsync("/graphql?query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
        Assert.Equal(8443, response.Headers.Location.Port);
    }

    [Fact]
    public async Task RequestsATrustedProxyReceivedOverHttpsAreServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await App.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed class OnSqlite() : HttpsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HttpsTests(DatabaseProvider.Postgres);
}
