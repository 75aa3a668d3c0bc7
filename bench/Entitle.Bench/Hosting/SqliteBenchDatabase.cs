namespace Entitle.Bench.Hosting;

/// <summary>A SQLite file in a temporary directory of its own, deleted with the directory.</summary>
public sealed class SqliteBenchDatabase : IBenchDatabase
{
    private readonly string _directory;

    private SqliteBenchDatabase(string directory) => _directory = directory;

    public string Provider => "Sqlite";

    public string ConnectionString => $"Data Source={FilePath}";

    public string Description => $"SQLite, a new file in {_directory}";

    public string FilePath => Path.Combine(_directory, "entitle.db");

    /// <summary>A new file in a new temporary directory whose name starts with <paramref name="directoryPrefix"/>.</summary>
    public static SqliteBenchDatabase Create(string directoryPrefix) =>
        new(Directory.CreateTempSubdirectory(directoryPrefix).FullName);

    /// <summary>The database file with its write-ahead log.</summary>
    public Task<long> SizeInBytesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DirectoryInfo(_directory).EnumerateFiles().Sum(f => f.Length));

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
