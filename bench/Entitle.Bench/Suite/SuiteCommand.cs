using Entitle.Bench.Hosting;

namespace Entitle.Bench.Suite;

/// <summary>
/// <c>suite</c>: the benchmark suite of docs/benchmarks.md. For each database: a fresh database of the chosen size,
/// Entitle and the plain ADO.NET baseline program started against it, every workload measured on both sides in the
/// same run; the figures, ratios and targets go into the report.
/// </summary>
public sealed class SuiteCommand : IBenchCommand
{
    public string Name => "suite";

    public string Summary => "Workloads W1–W6 against Entitle and a plain ADO.NET baseline on the same data; writes docs/benchmarks.md.";

    public string Usage => SuiteOptions.Usage;

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = SuiteOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return ExitCodes.Usage;
        }

        string entitleDll;
        try
        {
            entitleDll = await EntitleBuild.PublishAsync(Console.Out, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return ExitCodes.Broken;
        }

        var startedAt = TimeProvider.System.GetUtcNow();
        var loadAtStart = MachineInfo.LoadAverage();
        var rows = new List<SuiteRow>();
        try
        {
            foreach (var provider in options.Providers)
            {
                Console.WriteLine($"Suite on {provider}, data set {options.Size.Name}.");
                rows.AddRange(provider == "postgres"
                    ? await RunPostgresAsync(options, entitleDll, cancellationToken)
                    : await RunSqliteAsync(options, entitleDll, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Interrupted; no report.");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or HttpRequestException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"The suite could not run: {exception}");
            return ExitCodes.Broken;
        }

        var notes = EntitleBuild.Configuration == "Release" ? null : $"**A {EntitleBuild.Configuration} build: not representative.**";
        var markdown = SuiteReport.Render(options, rows, MachineInfo.Read(), startedAt, loadAtStart, MachineInfo.LoadAverage(), notes);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.Report is not null)
        {
            await ReportFile.WriteAsync(options.Report, markdown, SuiteReport.Begin, SuiteReport.End, "# Benchmarks\n", CancellationToken.None);
            Console.WriteLine($"Wrote the results into {options.Report}.");
        }

        return rows.All(r => r.Met != false) ? ExitCodes.Passed : ExitCodes.Failed;
    }

    private static async Task<IReadOnlyList<SuiteRow>> RunSqliteAsync(SuiteOptions options, string entitleDll, CancellationToken cancellationToken)
    {
        await using var database = SqliteBenchDatabase.Create("entitle-bench-");
        return await new ProviderRun(options, database, _ => Task.FromResult<IBenchDatabase>(SqliteBenchDatabase.Create("entitle-bench-")), entitleDll, Console.Out).RunAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<SuiteRow>> RunPostgresAsync(SuiteOptions options, string entitleDll, CancellationToken cancellationToken)
    {
        await using var server = options.Postgres is null ? await PrivatePostgresServer.StartAsync(cancellationToken) : null;
        var serverConnection = options.Postgres ?? server!.ConnectionString;
        await using var database = await PostgresBenchDatabase.CreateAsync(serverConnection, "entitle_bench_", cancellationToken);
        return await new ProviderRun(options, database, async ct => await PostgresBenchDatabase.CreateAsync(serverConnection, "entitle_bench_", ct), entitleDll, Console.Out).RunAsync(cancellationToken);
    }
}
