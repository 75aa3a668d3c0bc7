using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Entitle.Bench.Hosting;

/// <summary>
/// A PostgreSQL server of the bench's own, started from the installed binaries with a data directory under /tmp
/// and a free loopback port, stopped and deleted afterwards. As root it runs as the postgres user, since the server
/// refuses to run as root. Durability is off (<c>fsync</c>, <c>synchronous_commit</c>): Entitle and every baseline
/// run against the same server, so the ratios compare like with like.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asRoot;

    private PrivatePostgresServer(string bin, string data, int port, bool asRoot)
    {
        _bin = bin;
        _data = data;
        _asRoot = asRoot;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string to the server's maintenance database, as a role that may create databases.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=entitle;Database=postgres";

    public static bool Installed => BinDirectory() is not null;

    public static async Task<PrivatePostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql; pass --postgres <connection string> instead.");
        var data = Directory.CreateTempSubdirectory("entitle-bench-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", data], asPostgres: false, cancellationToken);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = new PrivatePostgresServer(bin, data, port, asRoot);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "entitle", "--auth=trust", "-E", "UTF8", "--no-sync"], asRoot, cancellationToken);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(data, "log"), "-w", "-o",
             $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200 -c shared_buffers=512MB", "start"],
            asRoot,
            cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"], _asRoot, CancellationToken.None, check: false);
        Directory.Delete(_data, recursive: true);
    }

    private static string? BinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken, bool check = true)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in asPostgres ? ["-u", "postgres", "--", file, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await output}{await errors}");
        }
    }
}
