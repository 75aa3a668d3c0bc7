namespace Entitle.Bench.Hosting;

/// <summary>A fresh, empty database for one bench run, removed when the run is disposed of.</summary>
public interface IBenchDatabase : IAsyncDisposable
{
    /// <summary>The value of the service's <c>Database:Provider</c> setting.</summary>
    string Provider { get; }

    string ConnectionString { get; }

    /// <summary>Where the data lives, fit to print.</summary>
    string Description { get; }

    /// <summary>The database's size on disk, once the service has written it.</summary>
    Task<long> SizeInBytesAsync(CancellationToken cancellationToken);
}
