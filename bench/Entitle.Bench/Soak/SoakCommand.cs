using System.Diagnostics;
using System.Security.Cryptography;

using Entitle.Bench.Hosting;

namespace Entitle.Bench.Soak;

/// <summary>
/// <c>soak</c>: starts the real service on a loopback port and a fresh database, sends it a fixed mix of documented
/// GraphQL and TMS calls at a fixed rate for a few minutes, checks every answer, samples the service's memory, and
/// reports errors, latency and the memory trend. Exits 0 only when nothing failed and memory did not grow.
/// </summary>
public sealed class SoakCommand : IBenchCommand
{
    /// <summary>Far above what the soak sends: the default (6,000 per 5 minutes per credential) would refuse it.</summary>
    public const int SoakPermitLimit = 1_000_000;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public string Name => "soak";

    public string Summary => "Mixed GraphQL and TMS traffic at a fixed rate against the real service: errors, p50/p99 latency, memory over time.";

    public string Usage => SoakOptions.Usage;

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = SoakOptions.Parse(args, out var problem);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return ExitCodes.Usage;
        }

        var entitleDll = EntitleBuild.MainAssembly();
        if (!File.Exists(entitleDll))
        {
            await Console.Error.WriteLineAsync($"The service's build is missing: {entitleDll}. Run the bench with dotnet run, which builds it.");
            return ExitCodes.Broken;
        }

        if (EntitleBuild.Configuration != "Release")
        {
            Console.WriteLine($"Note: this is a {EntitleBuild.Configuration} build; latencies are not representative (use -c Release).");
        }

        var startedAt = TimeProvider.System.GetUtcNow();
        var loadAtStart = MachineInfo.LoadAverage();
        IBenchDatabase database;
        try
        {
            database = options.Provider == SoakProvider.Postgres
                ? await PostgresBenchDatabase.CreateAsync(options.Connection!, "entitle_soak_", cancellationToken)
                : SqliteBenchDatabase.Create("entitle-soak-");
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or ArgumentException or IOException)
        {
            await Console.Error.WriteLineAsync($"The soak's database could not be created: {exception.Message}");
            return ExitCodes.Broken;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        await using (database)
        {
            return await RunAsync(options, entitleDll, database, startedAt, loadAtStart, cancellationToken);
        }
    }

    private static async Task<int> RunAsync(SoakOptions options, string entitleDll, IBenchDatabase database, DateTimeOffset startedAt, double? loadAtStart, CancellationToken cancellationToken)
    {
        var credential = "soak-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Entitle"] = database.ConnectionString,
            ["ENTITLE_BOOTSTRAP_KEY"] = credential,
            ["RateLimit__PermitLimit"] = SoakPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        Console.WriteLine($"Soak: {options.TotalRequests:N0} requests at {options.Rate}/s for {options.Minutes} min on {database.Description}.");
        await using var serviceLog = options.ServiceLog is null ? null : new StreamWriter(options.ServiceLog);
        ServiceProcess? service = null;
        ServiceStop? stop = null;
        try
        {
            var setupClock = Stopwatch.StartNew();
            service = await ServiceProcess.StartAsync(entitleDll, ["--demo"], environment, serviceLog, cancellationToken);
            using var client = new SoakClient(service.BaseAddress, credential);
            await WaitUntilReadyAsync(client, cancellationToken);
            var catalog = await SoakSetup.PrepareAsync(client, cancellationToken);
            var traffic = new SoakTraffic(client, catalog, TimeProvider.System);
            await traffic.PrimeAsync(options.Rate, cancellationToken);
            var setupTook = setupClock.Elapsed;
            Console.WriteLine($"Service pid {service.Id} on {service.BaseAddress}; setup took {setupTook.TotalSeconds:0.0} s. Traffic starts.");

            var sampler = new MemorySampler(service, TimeSpan.FromSeconds(options.SampleSeconds));
            var runClock = Stopwatch.StartNew();
            using var samplingStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sampling = sampler.RunAsync(runClock, samplingStop.Token);
            var driver = new OpenLoopDriver(options, traffic);
            var log = await driver.RunAsync(runClock, () => $"RSS {service.ResidentBytes() / 1024 / 1024} MB", cancellationToken);
            var trafficTook = runClock.Elapsed;
            await samplingStop.CancelAsync();
            await sampling;
            sampler.Take(runClock);
            var loadAtEnd = MachineInfo.LoadAverage();

            stop = await service.StopAsync();
            var result = new SoakResult
            {
                Options = options,
                StartedAt = startedAt,
                Machine = MachineInfo.Read(),
                LoadAtStart = loadAtStart,
                LoadAtEnd = loadAtEnd,
                Configuration = EntitleBuild.Configuration,
                Database = database.Description,
                ServiceSettings = ServiceSettings(entitleDll),
                SetupTook = setupTook,
                Learners = catalog.Learners.Count,
                TrafficTook = trafficTook,
                Requests = log.Completed(),
                Samples = sampler.Samples,
                Stop = stop,
                ServiceLogLines = service.Output.Lines,
                ServiceErrorEntries = service.Output.ErrorEntries,
                ServiceFirstErrors = service.Output.FirstErrors(),
                DatabaseBytes = await database.SizeInBytesAsync(CancellationToken.None),
            };
            var markdown = SoakReport.Render(result);
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (options.Report is not null)
            {
                await ReportFile.WriteAsync(options.Report, markdown, SoakReport.Begin, SoakReport.End, "# Reliability\n", CancellationToken.None);
                Console.WriteLine($"Wrote the result into {options.Report}.");
            }

            return result.Passed ? ExitCodes.Passed : ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Interrupted: stopping the service and removing the soak's database; no report.");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"The soak could not run: {exception.Message}");
            if (service is not null)
            {
                await Console.Error.WriteLineAsync("The service's last output:\n" + service.Output.Tail());
            }

            return ExitCodes.Broken;
        }
        finally
        {
            if (service is not null)
            {
                if (stop is null)
                {
                    await service.StopAsync();
                }

                await service.DisposeAsync();
            }
        }
    }

    private static async Task WaitUntilReadyAsync(SoakClient client, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!await client.IsReadyAsync(cancellationToken))
        {
            if (waited.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"The service was not ready (/readyz) within {ReadyTimeout.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static List<string> ServiceSettings(string entitleDll)
    {
        var gc = EntitleBuild.ServerGarbageCollector(entitleDll) switch
        {
            true => "server GC (the Web SDK's default)",
            false => "workstation GC",
            null => "GC mode unknown",
        };
        return
        [
            $"sources | commit {EntitleBuild.SourceRevision() ?? "unknown"}",
            $"service | `dotnet exec {Path.GetRelativePath(EntitleBuild.RepositoryRoot(), entitleDll)} --demo --urls http://127.0.0.1:<free port>`, its shipped appsettings.json, {gc}",
            $"settings changed | `ASPNETCORE_ENVIRONMENT=Production`, `ENTITLE_BOOTSTRAP_KEY` (the soak's root credential), `RateLimit__PermitLimit={SoakPermitLimit}` (the default, 6,000 per 5 minutes per credential, is below what one credential sends here)",
        ];
    }
}
