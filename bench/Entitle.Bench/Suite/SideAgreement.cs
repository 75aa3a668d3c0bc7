using System.Text.Json;
using Entitle.Bench.Hosting;

namespace Entitle.Bench.Suite;

/// <summary>
/// Checks, before a workload is measured, that the baseline gives the answers the service gives: a baseline that
/// answered less (or wrongly) would be a floor for other work, and every ratio against it would flatter the service
/// or wrong it. The suite runs them on the data set it measures; the tests run them on the small one.
/// </summary>
public static class SideAgreement
{
    /// <summary>
    /// W1: the first <paramref name="probes"/> access questions asked of the baseline, of TMS <c>CheckCourseAccess</c>
    /// and of GraphQL <c>contentAccess</c>: the two TMS answers must be the same JSON value, and GraphQL must grant
    /// (or refuse) for the same reason with the same granting passes in the same order. Answers how many probes
    /// each reason answered; throws on the first probe the sides disagree on.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> AccessAnswersAsync(Uri entitle, Uri baseline, SuiteRequests requests, int probes, CancellationToken cancellationToken)
    {
        using var toEntitle = new HttpClient { BaseAddress = entitle };
        using var toBaseline = new HttpClient { BaseAddress = baseline };
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < probes; n++)
        {
            var probe = requests.Probe(n);
            var about = $"probe {n} (contact {probe.ContactId}, course {probe.CourseId})";
            var fromBaseline = await AnswerAsync(toBaseline, requests.BaselineAccess(probe), cancellationToken);
            var fromRest = await AnswerAsync(toEntitle, requests.TmsAccess(probe), cancellationToken);
            Same(fromRest, fromBaseline, $"W1 {about}, over TMS");

            using var tms = JsonDocument.Parse(fromBaseline);
            if (tms.RootElement.GetProperty("Status").GetInt32() != 0)
            {
                throw new InvalidOperationException($"W1 {about}: the baseline answered {fromBaseline}");
            }

            var reason = tms.RootElement.GetProperty("Reason").GetString()!;
            var expected = JsonSerializer.Serialize(new
            {
                granted = tms.RootElement.GetProperty("HasAccess").GetBoolean(),
                reason,
                grantingPasses = tms.RootElement.GetProperty("ClubMembershipIds").EnumerateArray().Select(id => new { id = GlobalIds.Of("TrainingPass", id.GetInt32()) }),
            });
            using var graph = JsonDocument.Parse(await AnswerAsync(toEntitle, requests.GraphQLAccess(probe), cancellationToken));
            var fromGraphQL = graph.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? JsonSerializer.Serialize(data.GetProperty("contentAccess"))
                : graph.RootElement.GetRawText();
            Same(fromGraphQL, expected, $"W1 {about}, over GraphQL (expected from the baseline's TMS answer)");
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        }

        return reasons;
    }

    /// <summary>
    /// Both sides must give the same answer (as JSON values: the same members in the same order, the same values);
    /// answers it, without white space.
    /// </summary>
    public static async Task<string> SameAnswerAsync(Uri entitle, HttpRequestMessage entitleRequest, Uri baseline, HttpRequestMessage baselineRequest, string what, CancellationToken cancellationToken)
    {
        using var toEntitle = new HttpClient { BaseAddress = entitle };
        using var toBaseline = new HttpClient { BaseAddress = baseline };
        var answer = await AnswerAsync(toEntitle, entitleRequest, cancellationToken);
        Same(answer, await AnswerAsync(toBaseline, baselineRequest, cancellationToken), what);
        return answer;
    }

    /// <summary>The answer's JSON, written again without white space, so that two writers' layouts compare equal.</summary>
    private static async Task<string> AnswerAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri}: HTTP {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        }

        using var json = JsonDocument.Parse(body);
        return JsonSerializer.Serialize(json.RootElement);
    }

    private static void Same(string fromEntitle, string fromBaseline, string what)
    {
        if (fromEntitle == fromBaseline)
        {
            return;
        }

        var at = fromEntitle.Zip(fromBaseline).TakeWhile(p => p.First == p.Second).Count();
        throw new InvalidOperationException($"{what}: the baseline's answer differs from Entitle's at character {at}: Entitle …{Around(fromEntitle, at)}… baseline …{Around(fromBaseline, at)}…");
    }

    private static string Around(string text, int at)
    {
        var from = Math.Max(0, at - 80);
        return text.Substring(from, Math.Min(160, text.Length - from));
    }
}
