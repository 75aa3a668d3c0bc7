using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Entitle.Bench.Data;
using Entitle.Bench.Hosting;
using Entitle.Bench.Load;

namespace Entitle.Bench.Suite;

/// <summary>
/// The workloads on one database: generate the data set, start Entitle and the baseline program against it, and
/// measure each workload on both sides one after the other, so that each ratio compares figures of the same minute.
/// </summary>
public sealed class ProviderRun(SuiteOptions options, IBenchDatabase database, string entitleDll, TextWriter progress)
{
    private const int MintedKeys = 100_000;
    private static readonly TimeSpan RestAfterStart = TimeSpan.FromSeconds(5);

    private string DatabaseName => database.Provider.ToLowerInvariant();

    public async Task<IReadOnlyList<SuiteRow>> RunAsync(CancellationToken cancellationToken)
    {
        await ServiceMigration.RunAsync(entitleDll, database, cancellationToken);
        GeneratedData data;
        await using (var writer = database.Provider == "Postgres"
            ? (ITableWriter)await PostgresTableWriter.OpenAsync(database.ConnectionString, cancellationToken)
            : await SqliteTableWriter.OpenAsync(database.ConnectionString, forLoad: true, cancellationToken))
        {
            data = await new BenchDataGenerator(options.Size, TimeProvider.System).WriteAsync(writer, cancellationToken);
        }

        progress.WriteLine($"  {DatabaseName}: generated the {options.Size.Name} data set in {data.LoadTook.TotalSeconds:0.0} s ({await database.SizeInBytesAsync(cancellationToken) / 1024 / 1024} MB).");
        var rows = new List<SuiteRow>
        {
            new("Data load", DatabaseName, $"{data.LoadTook.TotalSeconds:0.0} s", "", null, "(the generator; no target)", null),
        };

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Entitle"] = database.ConnectionString,
            ["RateLimit__PermitLimit"] = "100000000",
        };
        var probe = data.Probes[0];
        var benchDll = typeof(ProviderRun).Assembly.Location;
        await using var entitle = await ServiceProcess.StartAsync(entitleDll, [], environment, null, cancellationToken);
        var entitleColdStart = await FirstAnswerAsync(entitle, TmsAccess(data, probe), cancellationToken);
        await using var baseline = await ServiceProcess.StartAsync(
            benchDll, ["baseline-serve", "--provider", DatabaseName, "--connection", database.ConnectionString], new Dictionary<string, string>(), null, cancellationToken);
        var baselineColdStart = await FirstAnswerAsync(baseline, BaselineAccess(data, probe), cancellationToken);
        await Task.Delay(RestAfterStart, cancellationToken);
        var entitleRest = entitle.ResidentBytes() ?? 0;
        var baselineRest = baseline.ResidentBytes() ?? 0;
        rows.Add(new("W6 cold start to the first answered access check", DatabaseName, Milliseconds(entitleColdStart), Milliseconds(baselineColdStart),
            entitleColdStart / baselineColdStart, "under 1.5 s", entitleColdStart < TimeSpan.FromSeconds(1.5)));
        rows.Add(new("W6 resident memory at rest after the first answer", DatabaseName, Megabytes(entitleRest), Megabytes(baselineRest),
            (double)entitleRest / baselineRest, "under 250 MB", entitleRest < 250L * 1024 * 1024));

        var load = new LoadOptions(options.Connections, TimeSpan.FromSeconds(options.WarmUpSeconds), TimeSpan.FromSeconds(options.Seconds));
        var baselineW1 = await MeasureAsync("W1 baseline", baseline.BaseAddress, n => BaselineAccess(data, Probe(data, n)), TmsFailed, load, cancellationToken);
        var restW1 = await MeasureAsync("W1 REST", entitle.BaseAddress, n => TmsAccess(data, Probe(data, n)), TmsFailed, load, cancellationToken);
        var graphW1 = await MeasureAsync("W1 GraphQL", entitle.BaseAddress, n => GraphQLAccess(data, Probe(data, n)), GraphQLFailed, load, cancellationToken);
        rows.Add(ThroughputRow("W1 access check, TMS `CheckCourseAccess`", restW1, baselineW1, 0.8));
        rows.Add(ThroughputRow("W1 access check, GraphQL `contentAccess`", graphW1, baselineW1, 0.6));

        var baselineW3 = await MintAsync(baseline, "/baseline/keys", data, cancellationToken);
        var entitleW3 = await MintAsync(entitle, "/api/2.0/CreateSubscriptionTrainingKeys", data, cancellationToken);
        var peak = entitle.PeakResidentBytes() ?? 0;
        rows.Add(new($"W3 minting {MintedKeys:N0} keys in one `CreateSubscriptionTrainingKeys`", DatabaseName, Milliseconds(entitleW3), Milliseconds(baselineW3),
            entitleW3 / baselineW3, "at most 2× the baseline", entitleW3 / baselineW3 <= 2));
        rows.Add(new("W3 the service's peak resident memory so far (VmHWM)", DatabaseName, Megabytes(peak), "", null, "bounded (no target figure)", null));

        await entitle.StopAsync();
        await baseline.StopAsync();
        return rows;
    }

    private SuiteRow ThroughputRow(string workload, LoadResult entitle, LoadResult baseline, double target)
    {
        var ratio = baseline.Throughput > 0 ? entitle.Throughput / baseline.Throughput : 0;
        return new SuiteRow(workload, DatabaseName, Describe(entitle), Describe(baseline), ratio,
            $"≥ {target:0.0} of the baseline's throughput; p99 under 5 ms", ratio >= target && entitle.P99 < TimeSpan.FromMilliseconds(5) && entitle.Errors == 0);
    }

    private async Task<LoadResult> MeasureAsync(string name, Uri server, Func<long, HttpRequestMessage> request, Func<string, bool> failed, LoadOptions load, CancellationToken cancellationToken)
    {
        var result = await new ClosedLoopDriver(server, request, failed).RunAsync(load, cancellationToken);
        progress.WriteLine($"  {DatabaseName}: {name}: {Describe(result)}{(result.FirstError is null ? "" : $"; first error: {result.FirstError}")}");
        return result;
    }

    /// <summary>One request with a 1,000-key warm-up before it; answers how long the measured request took, end to end.</summary>
    private async Task<TimeSpan> MintAsync(ServiceProcess server, string path, GeneratedData data, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        TimeSpan took = default;
        foreach (var count in new[] { 1_000, MintedKeys })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["subscriptionProfileId"] = "1",
                    ["organizationId"] = data.ChildOrganization(1).ToString(CultureInfo.InvariantCulture),
                    ["expirationDate"] = new DateTimeOffset(data.GeneratedAt.AddYears(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                    ["numberOfKeys"] = count.ToString(CultureInfo.InvariantCulture),
                }),
            };
            request.Headers.Add("api_key", data.Credential);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            took = clock.Elapsed;
            if (!response.IsSuccessStatusCode || TmsFailed(body))
            {
                throw new InvalidOperationException($"Minting {count} keys at {path} failed: HTTP {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
            }

            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("CreateSubscriptionsResults").GetArrayLength() != count)
            {
                throw new InvalidOperationException($"{path} answered the wrong number of keys.");
            }
        }

        progress.WriteLine($"  {DatabaseName}: W3 {path}: {took.TotalMilliseconds:N0} ms");
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

    private static AccessProbe Probe(GeneratedData data, long n) => data.Probes[(int)(n % data.Probes.Count)];

    private static HttpRequestMessage TmsAccess(GeneratedData data, AccessProbe probe)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/2.0/CheckCourseAccess?userId={probe.ContactId}&courseId={probe.CourseId}");
        request.Headers.Add("api_key", data.Credential);
        return request;
    }

    private static HttpRequestMessage BaselineAccess(GeneratedData data, AccessProbe probe)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/baseline/access?userId={probe.ContactId}&courseId={probe.CourseId}");
        request.Headers.Add("api_key", data.Credential);
        return request;
    }

    private static HttpRequestMessage GraphQLAccess(GeneratedData data, AccessProbe probe)
    {
        var body = JsonSerializer.Serialize(new
        {
            query = "query($c: ID!, $t: ID!) { contentAccess(contactId: $c, contentId: $t) { granted reason grantingPasses { id } } }",
            variables = new { c = GlobalIds.Of("Person", probe.ContactId), t = GlobalIds.Of("CourseTemplate", probe.CourseId) },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", data.Credential);
        return request;
    }

    private static bool TmsFailed(string body) => !body.Contains("\"Status\":0", StringComparison.Ordinal);

    /// <summary>A top-level or payload error: every error list Entitle writes holds objects, an empty one is a success.</summary>
    private static bool GraphQLFailed(string body) => body.Contains("\"errors\":[{", StringComparison.Ordinal);

    private static string Describe(LoadResult result) =>
        $"{result.Throughput:N0}/s, p50 {result.P50.TotalMilliseconds:0.00} ms, p99 {result.P99.TotalMilliseconds:0.00} ms, {result.Errors} errors";

    private static string Milliseconds(TimeSpan span) => $"{span.TotalMilliseconds:N0} ms";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024:N0} MB";
}
