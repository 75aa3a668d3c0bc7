using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Npgsql;

namespace Entitle.Tests.Hosting;

/// <summary>
/// The README's run command, as a newcomer types it: <c>dotnet run --project src/Entitle -- --demo</c> starts the
/// service, prints the root credential once, and answers the seed's search. Only the database location and the
/// port are pointed elsewhere, so parallel tests do not share a file or a port.
/// </summary>
public abstract class ReadmeCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly List<Process> _processes = [];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // An empty database of its own, unmigrated: the app must migrate it itself.
            var name = "entitle_readme_" + Guid.NewGuid().ToString("N")[..12];
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.Instance.ConnectionString) { Database = "postgres", Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
            _connectionString = PostgresServer.Instance.For(name);
        }
        else
        {
            _connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "entitle_readme_" + Guid.NewGuid().ToString("N")[..12] + ".db")}";
        }
    }

    [Fact]
    public async Task TheRunCommandStartsTheDemoAndPrintsTheRootCredentialOnce()
    {
        var (port, output) = await StartAsync(bootstrapKey: null, "--demo");
        var credential = Line(output, "Root credential").Split("): ")[1].Trim();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        var search = await SearchAsync(http, credential);
        Assert.Equal("Gold pass", search.Text("data.trainingPassTypes.edges.0.node.name"));
        Assert.Contains("Demo account Acme Corporation", output.ToString(), StringComparison.Ordinal);

        // A second start on the same database creates no second root and adds no second demo.
        StopAll();
        var (secondPort, secondOutput) = await StartAsync(bootstrapKey: null, "--demo");
        using var second = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{secondPort}") };
        Assert.DoesNotContain("Root credential", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Demo account", secondOutput.ToString(), StringComparison.Ordinal);
        var again = await SearchAsync(second, credential);
        Assert.Single(again.At("data.trainingPassTypes.edges").AsArray());
    }

    [Fact]
    public async Task TheBootstrapKeyBecomesTheRootCredential()
    {
        var (port, output) = await StartAsync(bootstrapKey: "readme-root-key");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.DoesNotContain("Root credential", output.ToString(), StringComparison.Ordinal);
        var search = await SearchAsync(http, "readme-root-key");
        Assert.Empty(search.At("data.trainingPassTypes.edges").AsArray());
        using var denied = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{currencies{pageInfo{totalRecords}}}\"}", Encoding.UTF8, "application/json") };
        denied.Headers.Authorization = new("Bearer", "another-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(denied)).StatusCode);
    }

    private async Task<(int Port, StringBuilder Output)> StartAsync(string? bootstrapKey, params string[] extra)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ArchitectureTests.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--no-build", "--project", "src/Entitle", "--" }.Concat(extra).Concat(["--urls", $"http://127.0.0.1:{port}"]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Entitle"] = _connectionString;
        start.Environment.Remove("ENTITLE_BOOTSTRAP_KEY");
        if (bootstrapKey is not null)
        {
            start.Environment["ENTITLE_BOOTSTRAP_KEY"] = bootstrapKey;
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Now listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited: " + output));
        process.Start();
        _processes.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return (port, output);
    }

    private static async Task<JsonNode> SearchAsync(HttpClient http, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query": "{ trainingPassTypes(filters: [{field: lifecycleState, operation: eq, value: \"published\"}]) { edges { node { name } } } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", credential);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string Line(StringBuilder output, string startsWith)
    {
        lock (output)
        {
            return output.ToString().Split('\n').First(l => l.StartsWith(startsWith, StringComparison.Ordinal));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void StopAll()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        _processes.Clear();
    }

    public async Task DisposeAsync()
    {
        StopAll();
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = _connectionString["Data Source=".Length..];
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
        else
        {
            var name = new NpgsqlConnectionStringBuilder(_connectionString).Database;
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.Instance.ConnectionString) { Database = "postgres", Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

    }

    public sealed class OnSqlite() : ReadmeCommandTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ReadmeCommandTests(DatabaseProvider.Postgres);
}
