namespace Entitle.Bench.Baseline;

/// <summary>A baseline writer's turn at the SQLite write lock (nothing on PostgreSQL), released when its transaction is over.</summary>
public sealed class BaselineWriteTurn(SemaphoreSlim? turn) : IDisposable
{
    public void Dispose() => turn?.Release();
}
