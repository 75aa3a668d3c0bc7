using System.Text.Json;
using System.Text.Json.Nodes;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>What the app answered to one request: the HTTP status and the body as sent.</summary>
public sealed record CallAnswer(int HttpStatus, string Body)
{
    /// <summary>The body as JSON; null when it is not JSON at all.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The TMS envelope's status (<c>Status</c>, or <c>status</c> for the lower-case methods); null when absent.</summary>
    public int? TmsStatus => (Json?["Status"] ?? Json?["status"]) is JsonValue value && value.TryGetValue<int>(out var status) ? status : null;

    /// <summary>The one mutation payload under <c>data.&lt;namespace&gt;.&lt;operation&gt;</c>; null when there is none.</summary>
    public JsonObject? Payload =>
        Json?["data"] is JsonObject data && data.Count == 1 && data.Single().Value is JsonObject ns && ns.Count == 1
            ? ns.Single().Value as JsonObject
            : null;

    public bool HasTopLevelErrors => Json?["errors"] is not null;
}
