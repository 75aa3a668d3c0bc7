namespace Entitle.Bench.Soak;

/// <summary>A SQLite file in a temporary directory of its own, deleted with the directory.</summary>
public sealed class SqliteSoakDatabase : ISoakDatabase
{
    private readonly string _directory;

    private SqliteSoakDatabase(string directory) => _directory = directory;

    public string Provider => "Sqlite";

    public string ConnectionString => $"Data Source={FilePath}";

    public string Description => $"SQLite, a new file in {_directory}";

    private string FilePath => Path.Combine(_directory, "entitle.db");

    public static SqliteSoakDatabase Create() =>
        new(Directory.CreateTempSubdirectory("entitle-soak-").FullName);

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
