using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// Sends hostile requests exactly as written: through <see cref="HttpClient"/> with its header checks bypassed, or,
/// for bodies that stop short of their announced length, over a raw TCP connection. Every request has its own deadline; a request that
/// outlives it is reported as a hang.
/// </summary>
public static class HostileSender
{
    public static async Task<HostileAnswer> SendAsync(HttpClient http, HostileRequest request, CancellationToken cancellationToken) =>
        request.DeclaredLength is { } declared
            ? await SendTruncatedAsync(http.BaseAddress!, request, declared, cancellationToken)
            : await SendWholeAsync(http, request, cancellationToken);

    private static async Task<HostileAnswer> SendWholeAsync(HttpClient http, HostileRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
        foreach (var (name, value) in request.Headers)
        {
            Assert.True(message.Headers.TryAddWithoutValidation(name, value), $"{request.Name}: the client would not send the header {name}.");
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                Assert.True(message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType), $"{request.Name}: the client would not send its Content-Type.");
            }
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return new HostileAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, headers, Encoding.UTF8.GetString(body));
    }

    /// <summary>
    /// Announces <paramref name="declared"/> bytes, sends fewer, and falls silent with the connection open, as a
    /// stalled or malicious client does; the server must still answer, by itself, before the deadline.
    /// </summary>
    private static async Task<HostileAnswer> SendTruncatedAsync(Uri server, HostileRequest request, long declared, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Path} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {server.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {declared}\r\n")
            .Append("Connection: close\r\n");
        if (request.ContentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {request.ContentType}\r\n");
        }

        foreach (var (name, value) in request.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancellationToken);
        await stream.WriteAsync(request.Body ?? [], cancellationToken);

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        return Parse(received.ToArray());
    }

    /// <summary>Reads an HTTP/1.1 answer: status line, headers, and a body that is chunked or runs to the end.</summary>
    private static HostileAnswer Parse(byte[] raw)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return new HostileAnswer(0, null, new Dictionary<string, string>(), "(the connection closed without an answer)");
        }

        var lines = Encoding.ASCII.GetString(raw, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = raw[(end + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        var mediaType = headers.TryGetValue("Content-Type", out var contentType) && MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.MediaType : null;
        return new HostileAnswer(status, mediaType, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var size = int.Parse(Encoding.ASCII.GetString(chunked, position, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var start = position + lineEnd + 2;
            if (size == 0 || start + size > chunked.Length)
            {
                break;
            }

            body.Write(chunked, start, size);
            position = start + size + 2;
        }

        return body.ToArray();
    }
}
