namespace Entitle.Api;

/// <summary>
/// An answer held in memory before it is written, so it can be kept for an idempotent retry. A GraphQL answer is
/// held in the pooled pieces it was written to: most answers are only sent, and a catalog page is half a megabyte,
/// which copied into one array is a large object each time (docs/benchmarks.md). It becomes one array only when its
/// <see cref="Body"/> is asked for (an idempotent request keeps it; the API explorer shows it).
/// </summary>
public sealed class CapturedResponse
{
    private PooledPiecesStream? _pieces;

    private byte[]? _body;

    public CapturedResponse(int statusCode, string contentType, byte[] body, bool replayed = false)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        _body = body;
        Replayed = replayed;
    }

    /// <summary>An answer held in <paramref name="pieces"/>, which it now owns and returns to the pool once sent.</summary>
    public CapturedResponse(int statusCode, string contentType, PooledPiecesStream pieces)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        _pieces = pieces;
    }

    public int StatusCode { get; }

    public string ContentType { get; }

    public bool Replayed { get; }

    public byte[] Body
    {
        get
        {
            if (_body is null)
            {
                using var pieces = _pieces!;
                _body = pieces.ToArray();
                _pieces = null;
            }

            return _body;
        }
    }

    /// <summary>The same answer under another HTTP status.</summary>
    public CapturedResponse WithStatus(int statusCode) => new(statusCode, ContentType, Body, Replayed);

    public async Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCode;
        http.Response.ContentType = ContentType;
        if (Replayed)
        {
            http.Response.Headers[IdempotentRequests.ReplayedHeader] = "true";
        }

        if (_body is null && _pieces is { } pieces)
        {
            _pieces = null;
            using (pieces)
            {
                http.Response.ContentLength = pieces.Length;
                await pieces.WriteToAsync(http.Response.Body, http.RequestAborted);
            }

            return;
        }

        await http.Response.Body.WriteAsync(Body, http.RequestAborted);
    }
}
