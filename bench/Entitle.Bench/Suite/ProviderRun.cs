using System.Diagnostics;
using System.Text.Json;
using Entitle.Bench.Baseline;
using Entitle.Bench.Data;
using Entitle.Bench.Hosting;
using Entitle.Bench.Load;

namespace Entitle.Bench.Suite;

/// <summary>
/// The workloads on one database: generate the data set, start Entitle and the baseline program against it, and
/// measure each workload on both sides, taking turns, so that each ratio compares figures of the same minutes.
/// </summary>
public sealed class ProviderRun(SuiteOptions options, IBenchDatabase database, Func<CancellationToken, Task<IBenchDatabase>> anotherDatabase, string entitleDll, TextWriter progress)
{
    private const int MintedKeys = 100_000;

    private const int MintingRounds = 3;

    /// <summary>How many of W1's probes the three sides must answer alike before they are measured (<see cref="SideAgreement"/>).</summary>
    private const int AgreedProbes = 300;

    private static readonly TimeSpan RestAfterStart = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan QuietWaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many turns each side of a workload takes (see <see cref="TakingTurnsAsync"/>). Six, not three, since
    /// 2026-12-06: this machine's speed moved by 40% within a minute (the baseline's W1 on PostgreSQL 4,196 checks a
    /// second in its first turn of 3.3 s, 2,486 in its second), and whichever side drew the slow turns lost the ratio.
    /// </summary>
    public const int Turns = 6;

    /// <summary>The warm-up before every turn but the first: the connections are new, the code is not.</summary>
    private static readonly TimeSpan TurnWarmUp = TimeSpan.FromSeconds(1);

    private string DatabaseName => database.Provider.ToLowerInvariant();

    private LoadOptions Load => new(options.Connections, TimeSpan.FromSeconds(options.WarmUpSeconds), TimeSpan.FromSeconds(options.Seconds));

    public async Task<IReadOnlyList<SuiteRow>> RunAsync(CancellationToken cancellationToken)
    {
        var data = await GenerateAsync(database, options.Size, cancellationToken);
        var rows = new List<SuiteRow>
        {
            new("Data load", DatabaseName, $"{data.LoadTook.TotalSeconds:0.0} s", "", null, "(the generator; no target)", null),
        };

        var requests = new SuiteRequests(data);
        var probe = data.Probes[0];
        var entitleQuiet = await WaitForQuietAsync("Entitle", cancellationToken);
        await using var entitle = await StartEntitleAsync(database, cancellationToken);
        var entitleColdStart = await FirstAnswerAsync(entitle, requests.TmsAccess(probe), cancellationToken);
        var baselineQuiet = await WaitForQuietAsync("the baseline", cancellationToken);
        await using var baseline = await ServiceProcess.StartAsync(
            typeof(ProviderRun).Assembly.Location, ["baseline-serve", "--provider", DatabaseName, "--connection", database.ConnectionString], new Dictionary<string, string>(), null, cancellationToken);
        var baselineColdStart = await FirstAnswerAsync(baseline, requests.BaselineAccess(probe), cancellationToken);
        await Task.Delay(RestAfterStart, cancellationToken);
        var entitleRest = entitle.ResidentBytes() ?? 0;
        var baselineRest = baseline.ResidentBytes() ?? 0;
        rows.Add(new("W6 cold start to the first answered access check", DatabaseName, Milliseconds(entitleColdStart) + Busy(entitleQuiet), Milliseconds(baselineColdStart) + Busy(baselineQuiet),
            entitleColdStart / baselineColdStart, "under 1.5 s", entitleColdStart < TimeSpan.FromSeconds(1.5)));
        rows.Add(new("W6 resident memory at rest after the first answer", DatabaseName, Megabytes(entitleRest), Megabytes(baselineRest),
            (double)entitleRest / baselineRest, "under 250 MB", entitleRest < 250L * 1024 * 1024));

        var ledger = new BaselineDatabase(database.Provider == "Postgres", database.ConnectionString);
        if (options.Runs("W1"))
        {
            var reasons = await SideAgreement.AccessAnswersAsync(entitle.BaseAddress, baseline.BaseAddress, requests, AgreedProbes, cancellationToken);
            progress.WriteLine($"  {DatabaseName}: W1: the baseline, TMS and GraphQL agree on the first {AgreedProbes} probes ({string.Join(", ", reasons.Select(r => $"{r.Value} {r.Key}"))}).");
            IReadOnlyList<(string Name, Uri Server, Func<long, HttpRequestMessage> Request, Func<string, bool> Failed)> sides =
            [
                ("W1 baseline", baseline.BaseAddress, n => requests.BaselineAccess(requests.Probe(n)), TmsFailed),
                ("W1 REST", entitle.BaseAddress, n => requests.TmsAccess(requests.Probe(n)), TmsFailed),
                ("W1 GraphQL", entitle.BaseAddress, n => requests.GraphQLAccess(requests.Probe(n)), GraphQLFailed),
            ];
            var w1 = await TakingTurnsAsync(sides, Load, cancellationToken);
            var (baselineW1, restW1, graphW1) = (w1[0], w1[1], w1[2]);
            rows.Add(ThroughputRow("W1 access check, TMS `CheckCourseAccess`", restW1, baselineW1, 0.8, latencyTarget: true));
            rows.Add(ThroughputRow("W1 access check, GraphQL `contentAccess`", graphW1, baselineW1, 0.6, latencyTarget: true));

            // The p99 above is taken with the two cores saturated; the same connections paced to half the baseline's
            // rate show whether the tail is the saturation's or the machine's (docs/benchmarks.md, W1's p99).
            var rate = Math.Round(baselineW1.Throughput / 2);
            var paced = await TakingTurnsAsync(sides, Load with { WarmUp = TurnWarmUp, Rate = rate }, cancellationToken, $"paced at {rate:N0}/s");
            rows.Add(PacedRow("W1 access check, TMS `CheckCourseAccess`", paced[1], paced[0], rate));
            rows.Add(PacedRow("W1 access check, GraphQL `contentAccess`", paced[2], paced[0], rate));
            if (options.Size.TenTimesSmaller is { } smaller)
            {
                rows.Add(await ScalingRowAsync(smaller, entitle, requests, cancellationToken));
            }
        }

        if (options.Runs("W2"))
        {
            await SideAgreement.SameAnswerAsync(entitle.BaseAddress, requests.GraphQLCatalog(), baseline.BaseAddress, requests.BaselineCatalog(), "W2", cancellationToken);
            var w2 = await TakingTurnsAsync(
                [
                    ("W2 baseline", baseline.BaseAddress, _ => requests.BaselineCatalog(), GraphQLFailed),
                    ("W2 GraphQL", entitle.BaseAddress, _ => requests.GraphQLCatalog(), GraphQLFailed),
                ],
                Load,
                cancellationToken);
            var (baselineW2, entitleW2) = (w2[0], w2[1]);
            rows.Add(ThroughputRow("W2 the seed's `trainingPassTypes` with content, options and prices, `first: 100`", entitleW2, baselineW2, 0.5, latencyTarget: false));
        }

        if (options.Runs("W3"))
        {
            // One call is one sample, which one stall of a shared machine moves by half: the sides take turns, and
            // each reports its median.
            var baselineCalls = new List<TimeSpan>();
            var entitleCalls = new List<TimeSpan>();
            for (var round = 0; round < MintingRounds; round++)
            {
                baselineCalls.Add(await MintAsync(baseline, isBaseline: true, requests, cancellationToken));
                entitleCalls.Add(await MintAsync(entitle, isBaseline: false, requests, cancellationToken));
            }

            var baselineW3 = Median(baselineCalls);
            var entitleW3 = Median(entitleCalls);
            var peak = entitle.PeakResidentBytes() ?? 0;
            rows.Add(new($"W3 minting {MintedKeys:N0} keys in one `CreateSubscriptionTrainingKeys` (median of {MintingRounds} calls a side, taking turns)", DatabaseName, Milliseconds(entitleW3), Milliseconds(baselineW3),
                entitleW3 / baselineW3, "at most 2× the baseline", entitleW3 / baselineW3 <= 2));
            rows.Add(new("W3 the service's peak resident memory so far (VmHWM)", DatabaseName, Megabytes(peak), "", null, "bounded (no target figure)", null));
        }

        if (options.Runs("W4"))
        {
            var (entitleW4, baselineW4, entitleRows, baselineRows) = await MeasureWritesAsync(
                "W4", entitle, n => requests.Redeem(baseline: false, n), baseline, n => requests.Redeem(baseline: true, n), TmsFailed, ledger, l => l.Redemptions, cancellationToken);
            var broken = await WriteLedger.BrokenRedemptionRulesAsync(ledger, cancellationToken);
            rows.Add(ThroughputRow("W4 redeeming distinct keys, TMS `RedeemSubscriptionTrainingKey`", entitleW4, baselineW4, 0.5, latencyTarget: false, broken));
            rows.Add(new("W4 rows written per redemption; the rules after both runs", DatabaseName, entitleRows, baselineRows, null,
                "no key past its limit, none redeemed twice by a learner, each use one redemption with its pass", broken is null));
        }

        if (options.Runs("W5"))
        {
            var (entitleW5, baselineW5, entitleRows, baselineRows) = await MeasureWritesAsync(
                "W5", entitle, n => requests.Issue(baseline: false, n), baseline, n => requests.Issue(baseline: true, n), GraphQLFailed, ledger, l => l.Passes, cancellationToken);
            var empty = await WriteLedger.EmptyPassesAsync(ledger, cancellationToken);
            var broken = empty == 0 ? null : $"{empty} passes with an empty period";
            rows.Add(ThroughputRow("W5 issuing passes, GraphQL `issuePass`", entitleW5, baselineW5, 0.5, latencyTarget: false, broken));
            rows.Add(new("W5 rows written per pass; the rules after both runs", DatabaseName, entitleRows, baselineRows, null, "every answered pass stored once, none with an empty period", broken is null));
        }

        await entitle.StopAsync();
        await baseline.StopAsync();
        return rows;
    }

    private async Task<GeneratedData> GenerateAsync(IBenchDatabase target, DataSize size, CancellationToken cancellationToken)
    {
        await ServiceMigration.RunAsync(entitleDll, target, cancellationToken);
        GeneratedData data;
        await using (var writer = target.Provider == "Postgres"
            ? (ITableWriter)await PostgresTableWriter.OpenAsync(target.ConnectionString, cancellationToken)
            : await SqliteTableWriter.OpenAsync(target.ConnectionString, forLoad: true, cancellationToken))
        {
            data = await new BenchDataGenerator(size, TimeProvider.System).WriteAsync(writer, cancellationToken);
        }

        progress.WriteLine($"  {DatabaseName}: generated the {size.Name} data set in {data.LoadTook.TotalSeconds:0.0} s ({await target.SizeInBytesAsync(cancellationToken) / 1024 / 1024} MB).");
        return data;
    }

    private Task<ServiceProcess> StartEntitleAsync(IBenchDatabase target, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = target.Provider,
            ["ConnectionStrings__Entitle"] = target.ConnectionString,
            ["RateLimit__PermitLimit"] = "100000000",
        };
        return ServiceProcess.StartAsync(entitleDll, [], environment, null, cancellationToken);
    }

    /// <summary>A cold start is measured on a quiet machine (<see cref="QuietMachine"/>), for at most <see cref="QuietWaitLimit"/>.</summary>
    private async Task<bool> WaitForQuietAsync(string starting, CancellationToken cancellationToken)
    {
        var (waited, quiet) = await QuietMachine.WaitAsync(QuietWaitLimit, cancellationToken);
        progress.WriteLine(quiet
            ? $"  {DatabaseName}: the machine was quiet after {waited.TotalSeconds:0.0} s; starting {starting}."
            : $"  {DatabaseName}: the machine was still busy after {waited.TotalSeconds:0} s; starting {starting} anyway.");
        return quiet;
    }

    private static string Busy(bool quiet) => quiet ? "" : " (started on a busy machine)";

    /// <summary>
    /// W1 over TMS on a fresh database of the size ten times smaller, taking turns with the service on this size (see
    /// <see cref="TakingTurnsAsync"/>): how much the larger data set costs per check. Measured one after the other,
    /// the two p50s came from different minutes of a shared machine, and the ratio on PostgreSQL moved between 1.04
    /// and 1.28 over runs of the same code.
    /// </summary>
    private async Task<SuiteRow> ScalingRowAsync(DataSize smaller, ServiceProcess entitle, SuiteRequests requests, CancellationToken cancellationToken)
    {
        await using var other = await anotherDatabase(cancellationToken);
        var smallerRequests = new SuiteRequests(await GenerateAsync(other, smaller, cancellationToken));
        await using var onSmaller = await StartEntitleAsync(other, cancellationToken);
        var turns = await TakingTurnsAsync(
            [
                ($"W1 REST on {options.Size.Name}", entitle.BaseAddress, n => requests.TmsAccess(requests.Probe(n)), TmsFailed),
                ($"W1 REST on {smaller.Name}", onSmaller.BaseAddress, n => smallerRequests.TmsAccess(smallerRequests.Probe(n)), TmsFailed),
            ],
            Load,
            cancellationToken);
        await onSmaller.StopAsync();
        var (thisSize, smallerSize) = (turns[0], turns[1]);
        var ratio = thisSize.P50 / smallerSize.P50;
        return new SuiteRow($"W1 `CheckCourseAccess` p50 on {options.Size.Name} (Entitle column) vs on {smaller.Name}, ten times smaller (baseline column), taking turns", DatabaseName,
            $"p50 {thisSize.P50.TotalMilliseconds:0.00} ms ({thisSize.Throughput:N0}/s)", $"p50 {smallerSize.P50.TotalMilliseconds:0.00} ms ({smallerSize.Throughput:N0}/s)", ratio, "at most 1.3×", ratio <= 1.3);
    }

    /// <summary>
    /// A write workload on both sides, taking turns as the read workloads' sides do (<see cref="TakingTurnsAsync"/>;
    /// measured one after the other, the baseline of W5 on SQLite moved between 881 and 1,422 passes a second in
    /// runs minutes apart), with the database's row counts read before the first turn and after each: each side must
    /// have stored exactly as many changes as it answered in each of its turns. Each side numbers its requests across
    /// its turns, so that no key is named twice and no pass is alike.
    /// </summary>
    private async Task<(LoadResult Entitle, LoadResult Baseline, string EntitleRows, string BaselineRows)> MeasureWritesAsync(
        string name, ServiceProcess entitle, Func<long, HttpRequestMessage> entitleRequest, ServiceProcess baseline, Func<long, HttpRequestMessage> baselineRequest,
        Func<string, bool> failed, BaselineDatabase ledger, Func<WriteLedger, long> changes, CancellationToken cancellationToken)
    {
        var last = await WriteLedger.ReadAsync(ledger, cancellationToken);
        var written = new WriteLedger[] { WriteLedger.None, WriteLedger.None };
        var names = new[] { $"{name} baseline", $"{name} Entitle" };
        async Task CountTurnAsync(int side, LoadResult turn, CancellationToken ct)
        {
            var now = await WriteLedger.ReadAsync(ledger, ct);
            var byTurn = now.Since(last);
            last = now;
            if (changes(byTurn) != turn.Succeeded)
            {
                throw new InvalidOperationException($"{names[side]}: the database holds {changes(byTurn)} changes made in a turn with {turn.Succeeded} good answers.");
            }

            written[side] = written[side].Plus(byTurn);
        }

        var results = await TakingTurnsAsync(
            [
                (names[0], baseline.BaseAddress, Numbered(baselineRequest), failed),
                (names[1], entitle.BaseAddress, Numbered(entitleRequest), failed),
            ],
            Load,
            cancellationToken,
            afterTurn: CountTurnAsync);
        var (baselineResult, entitleResult) = (results[0], results[1]);
        return (entitleResult, baselineResult, written[1].PerChange(entitleResult.Succeeded), written[0].PerChange(baselineResult.Succeeded));
    }

    /// <summary>Requests numbered on from the last one this side sent, whichever turn sends them (a driver numbers its own from 0).</summary>
    private static Func<long, HttpRequestMessage> Numbered(Func<long, HttpRequestMessage> request)
    {
        var sent = -1L;
        return _ => request(Interlocked.Increment(ref sent));
    }

    private SuiteRow ThroughputRow(string workload, LoadResult entitle, LoadResult baseline, double target, bool latencyTarget, string? broken = null)
    {
        var ratio = baseline.Throughput > 0 ? entitle.Throughput / baseline.Throughput : 0;
        var met = ratio >= target && entitle.Errors == 0 && broken is null && (!latencyTarget || entitle.P99 < TimeSpan.FromMilliseconds(5));
        return new SuiteRow(workload, DatabaseName, Describe(entitle) + (broken is null ? "" : $"; **{broken}**"), Describe(baseline), ratio,
            $"≥ {target:0.0} of the baseline's throughput" + (latencyTarget ? "; p99 under 5 ms" : ""), met);
    }

    /// <summary>Latency below saturation: both sides paced to the same rate; no target of its own (context for W1's p99).</summary>
    private SuiteRow PacedRow(string workload, LoadResult entitle, LoadResult baseline, double rate) =>
        new($"{workload}, the same connections paced to {rate:N0} checks a second (half the baseline's)", DatabaseName, Describe(entitle), Describe(baseline),
            baseline.P99 > TimeSpan.Zero ? entitle.P99 / baseline.P99 : null, "(no target; the ratio is of the p99s)", null);

    /// <summary>
    /// A workload's sides measured taking turns: <see cref="Turns"/> rounds, each side measured for its share
    /// of the duration in each (the full warm-up before its first turn, a short one before the others, on fresh
    /// connections), the order reversed every other round, and each side's turns combined. Measured one after the
    /// other, a ratio moved with whatever else the shared machine did in that minute (PostgreSQL's W1 over REST was
    /// 0.60 and 0.85 in two runs of the same code); in turns, both sides see the same minute. <paramref name="afterTurn"/>
    /// runs after each turn with the side's index and what the turn measured.
    /// </summary>
    private async Task<IReadOnlyList<LoadResult>> TakingTurnsAsync(
        IReadOnlyList<(string Name, Uri Server, Func<long, HttpRequestMessage> Request, Func<string, bool> Failed)> sides, LoadOptions load, CancellationToken cancellationToken,
        string? label = null, Func<int, LoadResult, CancellationToken, Task>? afterTurn = null)
    {
        var turns = sides.Select(_ => new List<LoadResult>()).ToArray();
        var share = load.Duration / Turns;
        for (var round = 0; round < Turns; round++)
        {
            var order = Enumerable.Range(0, sides.Count);
            foreach (var side in round % 2 == 0 ? order : order.Reverse())
            {
                var warmUp = round == 0 || load.WarmUp < TurnWarmUp ? load.WarmUp : TurnWarmUp;
                var (_, server, request, failed) = sides[side];
                var turn = await new ClosedLoopDriver(server, request, failed).RunAsync(load with { WarmUp = warmUp, Duration = share }, cancellationToken);
                turns[side].Add(turn);
                progress.WriteLine($"    {DatabaseName}: {sides[side].Name}, turn {round + 1}{(label is null ? "" : ", " + label)}: {Describe(turn)}");
                if (afterTurn is not null)
                {
                    await afterTurn(side, turn, cancellationToken);
                }
            }
        }

        var combined = turns.Select(LoadResult.Combine).ToList();
        for (var side = 0; side < sides.Count; side++)
        {
            Report($"{sides[side].Name} ({Turns} turns{(label is null ? "" : ", " + label)})", combined[side]);
        }

        return combined;
    }

    private void Report(string name, LoadResult result) =>
        progress.WriteLine($"  {DatabaseName}: {name}: {Describe(result)}{(result.FirstError is null ? "" : $"; first error: {result.FirstError}")}");

    /// <summary>One request with a 1,000-key warm-up before it; answers how long the measured request took, end to end.</summary>
    private async Task<TimeSpan> MintAsync(ServiceProcess server, bool isBaseline, SuiteRequests requests, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        TimeSpan took = default;
        foreach (var count in new[] { 1_000, MintedKeys })
        {
            using var request = requests.Mint(isBaseline, count);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            took = clock.Elapsed;
            if (!response.IsSuccessStatusCode || TmsFailed(body))
            {
                throw new InvalidOperationException($"Minting {count} keys at {request.RequestUri} failed: HTTP {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            }

            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("CreateSubscriptionsResults").GetArrayLength() != count)
            {
                throw new InvalidOperationException($"{request.RequestUri} answered the wrong number of keys.");
            }
        }

        progress.WriteLine($"  {DatabaseName}: W3 {(isBaseline ? "baseline" : "Entitle")}: {took.TotalMilliseconds:N0} ms");
        return took;
    }

    /// <summary>Sends one request as early as possible after the process started; answers the time from the start to the first good answer.</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(ServiceProcess server, HttpRequestMessage template, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        while (true)
        {
            using var request = new HttpRequestMessage(template.Method, template.RequestUri);
            foreach (var header in template.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode && !TmsFailed(await response.Content.ReadAsStringAsync(cancellationToken)))
                {
                    return Stopwatch.GetElapsedTime(server.StartTimestamp);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    private static bool TmsFailed(string body) => !body.Contains("\"Status\":0", StringComparison.Ordinal);

    /// <summary>A top-level or payload error: every error list Entitle writes holds objects, an empty one is a success.</summary>
    private static bool GraphQLFailed(string body) => body.Contains("\"errors\":[{", StringComparison.Ordinal);

    private static string Describe(LoadResult result) =>
        $"{result.Throughput:N0}/s, p50 {result.P50.TotalMilliseconds:0.00} ms, p99 {result.P99.TotalMilliseconds:0.00} ms, {result.Errors} errors";

    private static string Milliseconds(TimeSpan span) => $"{span.TotalMilliseconds:N0} ms";

    private static TimeSpan Median(List<TimeSpan> samples) => samples.Order().ElementAt(samples.Count / 2);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024:N0} MB";
}
