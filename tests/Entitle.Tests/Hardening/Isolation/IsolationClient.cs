using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// Sends GraphQL documents and TMS calls as a given credential and hands back the raw answer, so that a matrix can
/// judge hundreds of answers and report every wrong one instead of stopping at the first.
/// </summary>
public sealed class IsolationClient(TestApp app)
{
    /// <summary>How many requests the matrix has sent.</summary>
    public int Requests { get; private set; }

    public async Task<CallAnswer> GraphQLAsync(string document, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = document }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return await SendAsync(request);
    }

    /// <summary>Calls <c>/api/2.0/&lt;Method&gt;?&lt;parameters&gt;</c> with GET.</summary>
    public async Task<CallAnswer> TmsAsync(string call, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + call);
        request.Headers.Add("api_key", apiKey);
        return await SendAsync(request);
    }

    /// <summary>A mutation that must succeed; its payload.</summary>
    public async Task<JsonObject> MutateAsync(string mutation, string credential)
    {
        var answer = await GraphQLAsync(mutation, credential);
        var payload = answer.Payload;
        Assert.True(answer.HttpStatus == 200 && !answer.HasTopLevelErrors && payload?["errors"] is JsonArray { Count: 0 }, $"{mutation}: {answer.Body}");
        return payload!;
    }

    /// <summary>A TMS call that must succeed (Status 0); its answer.</summary>
    public async Task<JsonNode> OkAsync(string call, string apiKey)
    {
        var answer = await TmsAsync(call, apiKey);
        Assert.True(answer.HttpStatus == 200 && answer.TmsStatus == 0, $"{call}: {answer.Body}");
        return answer.Json!;
    }

    private async Task<CallAnswer> SendAsync(HttpRequestMessage request)
    {
        Requests++;
        using var response = await app.Http.SendAsync(request);
        return new CallAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
