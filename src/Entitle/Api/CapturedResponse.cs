namespace Entitle.Api;

/// <summary>An answer held in memory before it is written, so it can be kept for an idempotent retry.</summary>
public sealed record CapturedResponse(int StatusCode, string ContentType, byte[] Body, bool Replayed = false)
{
    public async Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCode;
        http.Response.ContentType = ContentType;
        if (Replayed)
        {
            http.Response.Headers[IdempotentRequests.ReplayedHeader] = "true";
        }

        await http.Response.Body.WriteAsync(Body, http.RequestAborted);
    }
}
