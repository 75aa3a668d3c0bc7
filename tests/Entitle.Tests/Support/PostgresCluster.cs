using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Entitle.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster started from the installed server binaries, which a test may stop, start and
/// restart. As root, the server runs as the postgres user (it refuses to run as root).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asRoot;

    private PostgresCluster(string bin, string data, int port, bool asRoot)
    {
        _bin = bin;
        _data = data;
        _asRoot = asRoot;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string without a database name.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=entitle;Database=postgres";

    public static string? BinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;

    public static PostgresCluster Start()
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need the server binaries (apt-get install -y postgresql), or {PostgresServer.Variable} set to a connection string.");
        var data = Path.Combine(Path.GetTempPath(), "entitle-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres:postgres {data}", asPostgres: false);
        }

        var cluster = new PostgresCluster(bin, data, FreePort(), asRoot);
        cluster.Ctl("initdb", $"-D {data} -U entitle --auth=trust -E UTF8 --no-sync");
        cluster.StartServer();
        return cluster;
    }

    public void StartServer() =>
        Ctl("pg_ctl", $"-D {_data} -l {_data}/log -w -o \"-p {Port} -k {_data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300\" start");

    /// <summary>Stops the server at once, as a crash or a failover would; clients' connections drop.</summary>
    public void StopServer() => Ctl("pg_ctl", $"-D {_data} -m fast -w stop");

    public ValueTask DisposeAsync()
    {
        Ctl("pg_ctl", $"-D {_data} -m immediate stop", check: false);
        Directory.Delete(_data, recursive: true);
        return ValueTask.CompletedTask;
    }

    private void Ctl(string tool, string arguments, bool check = true) => Run(Path.Combine(_bin, tool), arguments, _asRoot, check);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, bool asPostgres, bool check = true)
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
