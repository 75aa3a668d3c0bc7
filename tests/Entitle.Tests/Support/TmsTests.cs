using System.Net;
using System.Text.Json.Nodes;
using Entitle.Persistence;

namespace Entitle.Tests.Support;

/// <summary>Helpers for tests that speak the TMS API to the app.</summary>
public abstract class TmsTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    /// <summary>The demo's Gold pass, published, with a yearly option: subscription profile 1.</summary>
    protected const int Gold = 1;

    /// <summary>2030-01-01T00:00:00Z, a key expiry comfortably after the tests' clock.</summary>
    protected const long In2030 = 1_893_456_000;

    /// <summary>Calls a TMS method with GET and returns its JSON answer (HTTP 200 required).</summary>
    protected async Task<JsonNode> TmsAsync(string methodAndQuery, string? apiKey = TestApp.RootKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + methodAndQuery);
        if (apiKey is not null)
        {
            request.Headers.Add("api_key", apiKey);
        }

        using var response = await App.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Calls a method that must succeed (Status 0, Error null).</summary>
    protected async Task<JsonNode> OkAsync(string methodAndQuery, string? apiKey = TestApp.RootKey)
    {
        var answer = await TmsAsync(methodAndQuery, apiKey);
        var status = answer["Status"] ?? answer["status"];
        Assert.True(status?.GetValue<int>() == 0, $"{methodAndQuery}: {answer.ToJsonString()}");
        Assert.Null(answer["Error"] ?? answer["error"]);
        return answer;
    }

    /// <summary>
    /// Calls a method that must fail with <paramref name="status"/> and a sentence containing
    /// <paramref name="words"/>, leaving the database exactly as it was.
    /// </summary>
    protected async Task<JsonNode> FailsAsync(string methodAndQuery, int status, string words, string? apiKey = TestApp.RootKey)
    {
        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        var answer = await TmsAsync(methodAndQuery, apiKey);
        var error = (answer["Error"] ?? answer["error"])?.GetValue<string>();

        Assert.True((answer["Status"] ?? answer["status"])!.GetValue<int>() == status, $"{methodAndQuery}: {answer.ToJsonString()}");
        Assert.True(error?.Contains(words, StringComparison.OrdinalIgnoreCase) == true, $"{methodAndQuery}: expected \"{words}\" in {answer.ToJsonString()}");
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));
        return answer;
    }

    /// <summary>Mints keys over TMS and returns (Id, trainingKey) pairs.</summary>
    protected async Task<List<(int Id, string Key)>> MintAsync(string query, string? apiKey = TestApp.RootKey)
    {
        var answer = await OkAsync("CreateSubscriptionTrainingKeys?" + query, apiKey);
        return answer["CreateSubscriptionsResults"]!.AsArray().Select(r => (r!["Id"]!.GetValue<int>(), r["trainingKey"]!.GetValue<string>())).ToList();
    }

    protected static long Epoch(int year, int month, int day) => new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
}
