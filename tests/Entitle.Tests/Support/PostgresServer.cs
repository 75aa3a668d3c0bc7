using Npgsql;

namespace Entitle.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests share: the one named by <c>ENTITLE_TEST_POSTGRES</c> (CI starts Debian's
/// service), or else a private cluster started from the installed server binaries for this test run.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "ENTITLE_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string connectionString) => ConnectionString = connectionString;

    public static PostgresServer Instance => Shared.Value;

    /// <summary>A connection string without a database; tests add their own database name.</summary>
    public string ConnectionString { get; }

    public string For(string database) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ToString();

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return new PostgresServer(configured);
        }

        var cluster = PostgresCluster.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(cluster.ConnectionString);
    }
}
