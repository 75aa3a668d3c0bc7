using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Entitle.Bench.Soak;

/// <summary>
/// Calls both APIs with one credential and checks every answer: a non-2xx status, GraphQL <c>errors</c> (top level
/// or in a mutation payload) or a TMS <c>Status</c> other than 0 is a <see cref="SoakFailureException"/>.
/// </summary>
public sealed class SoakClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly string _credential;

    public SoakClient(Uri baseAddress, string credential)
    {
        _credential = credential;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = RequestTimeout,
        };
    }

    /// <summary>Sends a GraphQL document; answers its <c>data</c>.</summary>
    public async Task<JsonElement> GraphQLAsync(string document, object? variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = document, variables }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credential);
        var answer = await SendAsync(request, cancellationToken);
        if (answer.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            throw new SoakFailureException($"GraphQL errors: {errors}");
        }

        if (!answer.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new SoakFailureException($"GraphQL answer without data: {answer}");
        }

        if (FirstPayloadError(data) is { } payloadError)
        {
            throw new SoakFailureException($"GraphQL payload errors: {payloadError}");
        }

        return data;
    }

    /// <summary>Calls a TMS method (POST with a form body for writes, else GET); answers the envelope.</summary>
    public async Task<JsonElement> TmsAsync(string method, IReadOnlyDictionary<string, string> parameters, bool post, CancellationToken cancellationToken)
    {
        using var request = post
            ? new HttpRequestMessage(HttpMethod.Post, $"/api/2.0/{method}") { Content = new FormUrlEncodedContent(parameters) }
            : new HttpRequestMessage(HttpMethod.Get, $"/api/2.0/{method}?{string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))}");
        request.Headers.Add("api_key", _credential);
        var answer = await SendAsync(request, cancellationToken);
        // A few methods answer in the vendor's lower case (status/error); names are read as written.
        var status = answer.TryGetProperty("Status", out var upper) ? upper : answer.TryGetProperty("status", out var lower) ? lower : default;
        if (status.ValueKind != JsonValueKind.Number || status.GetInt32() != 0)
        {
            throw new SoakFailureException($"TMS {method} answered {answer}");
        }

        return answer;
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken);
            return answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SoakFailureException($"{request.RequestUri} timed out after {RequestTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException exception)
        {
            throw new SoakFailureException($"{request.RequestUri} failed: {exception.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SoakFailureException($"{request.RequestUri} answered HTTP {(int)response.StatusCode}: {Shorten(body)}");
            }

            try
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new SoakFailureException($"{request.RequestUri} answered something that is not JSON: {Shorten(body)}");
            }
        }
    }

    /// <summary>A mutation payload's non-empty <c>errors</c> list, wherever it sits under <c>data</c>.</summary>
    private static JsonElement? FirstPayloadError(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "errors" && property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0)
                    {
                        return property.Value;
                    }

                    if (FirstPayloadError(property.Value) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstPayloadError(item) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
