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

    /// <summary>
    /// EF Core's check that a context is never used by two operations at once. It sets an async-local value around
    /// every row a query reads: under the catalog query (5,000 rows a page) that was a fifth of the bytes the service
    /// allocated and a quarter of its CPU per answer (docs/benchmarks.md). Every request uses its own context, one
    /// operation at a time (GraphQL queries run serially), so the check is off in production; the tests and
    /// Development turn it on, so that a use that breaks the rule fails there with EF Core's own error.
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }

    /// <summary>The connection string used when <c>ConnectionStrings:Entitle</c> is not set: a file beside the app's working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=entitle.db";
}
