using System.Net;

namespace Entitle.Tests.Support;

/// <summary>
/// A body sent in pieces of <c>pieceBytes</c>, each flushed on its own and with no Content-Length, so that it goes
/// out chunked and reaches the server over several reads, the way a streaming client sends it.
/// </summary>
public sealed class PiecewiseContent(byte[] body, int pieceBytes) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var start = 0; start < body.Length; start += pieceBytes)
        {
            await stream.WriteAsync(body.AsMemory(start, Math.Min(pieceBytes, body.Length - start)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
