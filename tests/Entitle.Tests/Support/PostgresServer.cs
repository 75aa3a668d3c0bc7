using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Entitle.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>ENTITLE_TEST_POSTGRES</c> (CI starts Debian's
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

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to a connection string, or install the server binaries (apt-get install -y postgresql) so the tests can start their own.");
        }

        var data = Path.Combine(Path.GetTempPath(), "entitle-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {data}");
        }

        var port = FreePort();
        Run(bin + "/initdb", $"-D {data} -U entitle --auth=trust -E UTF8 --no-sync", asRoot);
        Run(bin + "/pg_ctl", $"-D {data} -l {data}/log -w -o \"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(bin + "/pg_ctl", $"-D {data} -m immediate stop", asRoot, check: false);
            Directory.Delete(data, recursive: true);
        };
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=entitle;Database=postgres");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres = false, bool check = true)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {output}");
        }
    }
}
