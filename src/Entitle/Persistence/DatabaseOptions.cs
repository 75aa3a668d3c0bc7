namespace Entitle.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL: how often a transient failure (a dropped connection, a restarting server) is retried.</summary>
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>PostgreSQL: the longest wait between two retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The connection string used when <c>ConnectionStrings:Entitle</c> is not set: a file beside the app's working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=entitle.db";
}
