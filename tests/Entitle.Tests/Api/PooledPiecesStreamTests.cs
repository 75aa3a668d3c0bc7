using System.Text;
using Entitle.Api;

namespace Entitle.Tests.Api;

/// <summary>The buffer a GraphQL answer is written to: what comes out is exactly what went in, however it was written.</summary>
public sealed class PooledPiecesStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32 * 1024)]
    [InlineData(32 * 1024 + 1)]
    [InlineData(700_001)]
    public async Task WhatIsWrittenComesOutWholeAndInOrderAcrossPieces(int size)
    {
        var written = new byte[size];
        new Random(size).NextBytes(written);
        using var stream = new PooledPiecesStream();

        // Writes of every shape: a span, an array slice, asynchronous, with pieces crossed mid-write.
        var at = 0;
        var step = 1;
        while (at < size)
        {
            var count = Math.Min(step, size - at);
            switch (step % 3)
            {
                case 0:
                    stream.Write(written.AsSpan(at, count));
                    break;
                case 1:
                    stream.Write(written, at, count);
                    break;
                default:
                    await stream.WriteAsync(written.AsMemory(at, count));
                    break;
            }

            at += count;
            step = step * 7 % 40_000 + 1;
        }

        Assert.Equal(size, stream.Length);
        Assert.Equal(written, stream.ToArray());
        using var sent = new MemoryStream();
        await stream.WriteToAsync(sent, CancellationToken.None);
        Assert.Equal(written, sent.ToArray());
    }

    [Fact]
    public async Task AnAnswerHeldInPiecesIsSentWholeOrGivenAsOneArrayWhenItsBodyIsAskedFor()
    {
        var written = new byte[100_003];
        new Random(7).NextBytes(written);
        var sentPieces = new PooledPiecesStream();
        sentPieces.Write(written);
        var keptPieces = new PooledPiecesStream();
        keptPieces.Write(written);

        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        using var sent = new MemoryStream();
        http.Response.Body = sent;
        await new CapturedResponse(200, "application/json", sentPieces).WriteAsync(http);
        var kept = new CapturedResponse(201, "application/json", keptPieces);

        Assert.Equal(written, sent.ToArray());
        Assert.Equal(written.Length, http.Response.ContentLength);
        Assert.Equal(0, sentPieces.Length);
        Assert.Equal(written, kept.Body);
        Assert.Same(kept.Body, kept.Body);
        Assert.Equal(0, keptPieces.Length);
        Assert.Equal(written, kept.WithStatus(409).Body);
        Assert.Equal(409, kept.WithStatus(409).StatusCode);
    }

    [Fact]
    public async Task ASerializerWritesTheSameBytesAsToAMemoryStream()
    {
        var value = Enumerable.Range(0, 20_000).Select(i => new { id = i, code = $"C-{i}", name = "Kurs " + new string('ü', i % 7) }).ToList();
        using var expected = new MemoryStream();
        await System.Text.Json.JsonSerializer.SerializeAsync(expected, value);
        using var pooled = new PooledPiecesStream();
        await System.Text.Json.JsonSerializer.SerializeAsync(pooled, value);

        Assert.True(pooled.Length > 32 * 1024 * 10, $"{pooled.Length} bytes: too small to cross pieces");
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(pooled.ToArray()));
    }
}
