using System.Buffers;

namespace Entitle.Api;

/// <summary>
/// A write-only stream that holds what is written in 32 KB pieces rented from the shared array pool. An answer of
/// half a megabyte (a page of 100 pass types with their content) written to a <see cref="MemoryStream"/> grew it by
/// doubling through arrays on the large object heap, then copied it once more: about 2 MB of large objects per
/// answer, each collected only by a full (gen 2) collection, which took a quarter of the service's CPU under W2
/// (docs/benchmarks.md). Here the pieces are reused, and only the final copy is one array of the answer's exact size.
/// </summary>
public sealed class PooledPiecesStream : Stream
{
    private const int PieceSize = 32 * 1024;

    private readonly List<byte[]> _pieces = [];

    private int _usedInLast = PieceSize;

    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_usedInLast == PieceSize)
            {
                _pieces.Add(ArrayPool<byte>.Shared.Rent(PieceSize));
                _usedInLast = 0;
            }

            var room = Math.Min(PieceSize - _usedInLast, buffer.Length);
            buffer[..room].CopyTo(_pieces[^1].AsSpan(_usedInLast));
            _usedInLast += room;
            _length += room;
            buffer = buffer[room..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Everything written, as one array.</summary>
    public byte[] ToArray()
    {
        var all = GC.AllocateUninitializedArray<byte>(checked((int)_length));
        var at = 0;
        for (var i = 0; i < _pieces.Count; i++)
        {
            var used = i == _pieces.Count - 1 ? _usedInLast : PieceSize;
            _pieces[i].AsSpan(0, used).CopyTo(all.AsSpan(at));
            at += used;
        }

        return all;
    }

    /// <summary>Writes everything written, piece by piece, to <paramref name="destination"/>.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _pieces.Count; i++)
        {
            var used = i == _pieces.Count - 1 ? _usedInLast : PieceSize;
            await destination.WriteAsync(_pieces[i].AsMemory(0, used), cancellationToken);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var piece in _pieces)
        {
            ArrayPool<byte>.Shared.Return(piece);
        }

        _pieces.Clear();
        _usedInLast = PieceSize;
        _length = 0;
        base.Dispose(disposing);
    }
}
