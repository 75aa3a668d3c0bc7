using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Persistence;

/// <summary>A use case's transaction and, on SQLite, its turn at the file's single write lock: both end together.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? turn) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            turn?.Release();
        }
    }
}
