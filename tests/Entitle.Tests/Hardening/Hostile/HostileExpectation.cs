using System.Text.Json;
using System.Text.Json.Nodes;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// The answer a hostile request must get: one of the HTTP statuses, the API's own body convention, never a 5xx,
/// and never a word of the app's insides (stack traces, exception or framework type names, the database's name).
/// </summary>
public sealed record HostileExpectation(HostileConvention Convention, IReadOnlyList<int> Statuses)
{
    /// <summary>Fragments that only internals write; none may appear in any answer.</summary>
    private static readonly string[] Internals =
    [
        "   at ", "Exception", "StackTrace", "Microsoft.", "System.", "Entitle.", "Npgsql", "SQLite", "Postgres", "EntityFramework", "HResult",
    ];

    /// <summary>What the catch-alls say: the request met an exception no check foresaw.</summary>
    private static readonly string[] Unforeseen =
    [
        "Error trying to resolve",
        "The request could not be completed",
    ];

    /// <summary>A word (a parameter or filter name) the error sentence must contain, ignoring case.</summary>
    public string? Mentions { get; init; }

    /// <summary>For <see cref="HostileConvention.GraphQLEmptyList"/>: the root list that must hold nothing.</summary>
    public string? List { get; init; }

    /// <summary>For <see cref="HostileConvention.TmsError"/>: the <c>Status</c> values allowed (any non-zero one when null).</summary>
    public IReadOnlyList<int>? TmsStatuses { get; init; }

    /// <summary>A header the answer must carry (<c>WWW-Authenticate</c> with a 401, <c>Allow</c> with a 405).</summary>
    public string? RequiredHeader { get; init; }

    public static HostileExpectation GraphQLErrors(params int[] statuses) => new(HostileConvention.GraphQLErrors, Or200(statuses));

    public static HostileExpectation GraphQLEmptyList(string list) => new(HostileConvention.GraphQLEmptyList, [200]) { List = list };

    public static HostileExpectation GraphQLErrorsOrEmptyList(string list) => new(HostileConvention.GraphQLErrorsOrEmptyList, [200]) { List = list };

    public static HostileExpectation GraphQLRefusal() => new(HostileConvention.GraphQLRefusal, [200]);

    public static HostileExpectation GraphQLUnauthorized() =>
        new(HostileConvention.GraphQLErrors, [401]) { Mentions = "Authentication failed", RequiredHeader = "WWW-Authenticate" };

    public static HostileExpectation GraphQLMethodNotAllowed() => new(HostileConvention.GraphQLErrors, [405]) { RequiredHeader = "Allow" };

    public static HostileExpectation TmsError(params int[] tmsStatuses) =>
        new(HostileConvention.TmsError, [200]) { TmsStatuses = tmsStatuses.Length == 0 ? null : tmsStatuses };

    public static HostileExpectation TmsEmptySearch() => new(HostileConvention.TmsEmptySearch, [200]);

    public static HostileExpectation TmsEmptyPage() => new(HostileConvention.TmsEmptyPage, [200]);

    public static HostileExpectation TmsErrorOrEmptySearch(string parameter) => new(HostileConvention.TmsErrorOrEmptySearch, [200]) { Mentions = parameter };

    public static HostileExpectation TmsUnauthorized() => TmsError(30) with { Mentions = "Invalid integration key" };

    public static HostileExpectation TmsUnknownMethod() => new(HostileConvention.TmsError, [404]) { TmsStatuses = [20], Mentions = "There is no method" };

    public static HostileExpectation TmsMethodNotAllowed() => new(HostileConvention.TmsError, [405]) { TmsStatuses = [10], RequiredHeader = "Allow" };

    public static HostileExpectation Transport(params int[] statuses) => new(HostileConvention.Transport, statuses);

    /// <summary>Every way <paramref name="answer"/> breaks this expectation; empty when it keeps it.</summary>
    public IReadOnlyList<string> Problems(HostileAnswer answer)
    {
        var problems = new List<string>();
        if (answer.Status >= 500)
        {
            problems.Add($"a server error (HTTP {answer.Status})");
        }
        else if (!Statuses.Contains(answer.Status))
        {
            problems.Add($"HTTP {answer.Status} where {string.Join(" or ", Statuses)} was expected");
        }

        foreach (var fragment in Internals.Concat(Unforeseen))
        {
            if (answer.Body.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"internal detail in the body (\"{fragment}\")");
            }
        }

        if (RequiredHeader is not null && answer.Header(RequiredHeader) is null)
        {
            problems.Add($"no {RequiredHeader} header");
        }

        if (Convention == HostileConvention.Transport)
        {
            return problems;
        }

        if (answer.MediaType != "application/json")
        {
            problems.Add($"Content-Type {answer.MediaType ?? "(none)"} instead of application/json");
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(answer.Body);
        }
        catch (JsonException)
        {
            problems.Add("a body that is not JSON");
            return problems;
        }

        if (json is not JsonObject body)
        {
            problems.Add("a body that is not a JSON object");
            return problems;
        }

        var verdict = Convention switch
        {
            HostileConvention.GraphQLErrors => GraphQLErrorsProblem(body),
            HostileConvention.GraphQLEmptyList => EmptyListProblem(body),
            HostileConvention.GraphQLErrorsOrEmptyList => Either(GraphQLErrorsProblem(body), EmptyListProblem(body)),
            HostileConvention.GraphQLRefusal => RefusalProblem(body),
            HostileConvention.TmsError => TmsErrorProblem(body),
            HostileConvention.TmsEmptySearch => EmptySearchProblem(body),
            HostileConvention.TmsEmptyPage => EmptyPageProblem(body),
            HostileConvention.TmsErrorOrEmptySearch => Either(TmsErrorProblem(body), EmptySearchProblem(body)),
            _ => $"no check for {Convention}",
        };
        if (verdict is not null)
        {
            problems.Add(verdict);
        }

        return problems;
    }

    private static string? Either(string? first, string? second) => first is null || second is null ? null : $"{first}; nor {second}";

    private string? GraphQLErrorsProblem(JsonObject body)
    {
        if (body["errors"] is not JsonArray { Count: > 0 } errors)
        {
            return "no errors array with entries";
        }

        if (errors.Any(e => e?["message"] is not JsonValue message || message.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(message.GetValue<string>())))
        {
            return "an errors entry without a message";
        }

        if (body["data"] is JsonObject data && data.Any(p => p.Value is not null))
        {
            return "errors next to data that is not null";
        }

        return Mentions is not null && !errors.Any(e => e!["message"]!.GetValue<string>().Contains(Mentions, StringComparison.OrdinalIgnoreCase))
            ? $"no error message mentions \"{Mentions}\""
            : null;
    }

    private string? EmptyListProblem(JsonObject body)
    {
        if (body["errors"] is not null)
        {
            return "errors where an empty list was expected";
        }

        var list = body["data"]?[List!];
        if (list?["edges"] is not JsonArray edges)
        {
            return $"no data.{List}.edges";
        }

        if (edges.Count > 0 || list["pageInfo"]?["totalRecords"]?.GetValue<int>() is > 0)
        {
            return $"the list holds {edges.Count} items where nothing may match";
        }

        return null;
    }

    private static string? RefusalProblem(JsonObject body)
    {
        if (body["errors"] is JsonArray { Count: > 0 })
        {
            return body["data"] is JsonObject data && data.Any(p => p.Value is not null) ? "errors next to data that is not null" : null;
        }

        if (body["data"] is not JsonObject namespaces || namespaces.Count == 0)
        {
            return "neither errors nor data";
        }

        foreach (var (name, operations) in namespaces)
        {
            foreach (var (operation, payload) in operations?.AsObject() ?? [])
            {
                if (payload?["errors"] is not JsonArray { Count: > 0 } errors || errors.Any(e => string.IsNullOrWhiteSpace(e?["message"]?.GetValue<string>())))
                {
                    return $"{name}.{operation} was not refused with an error";
                }

                if (payload.AsObject().Any(p => p.Key != "errors" && p.Value is not null))
                {
                    return $"{name}.{operation} answered an object next to its error";
                }
            }
        }

        return null;
    }

    private string? TmsErrorProblem(JsonObject body)
    {
        if (Envelope(body) is { } problem)
        {
            return problem;
        }

        var status = body.First().Value!.GetValue<int>();
        var error = body.ElementAt(1).Value;
        if (status == 0 || (TmsStatuses is not null && !TmsStatuses.Contains(status)))
        {
            return $"Status {status} where {(TmsStatuses is null ? "an error" : string.Join(" or ", TmsStatuses))} was expected";
        }

        if (error is not JsonValue value || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
        {
            return "no Error sentence";
        }

        return Mentions is not null && !value.GetValue<string>().Contains(Mentions, StringComparison.OrdinalIgnoreCase)
            ? $"the Error does not mention \"{Mentions}\""
            : null;
    }

    private static string? EmptySearchProblem(JsonObject body)
    {
        if (Envelope(body) is { } problem)
        {
            return problem;
        }

        if (body.First().Value!.GetValue<int>() != 0 || body.ElementAt(1).Value is not null)
        {
            return "a search that did not succeed";
        }

        return body["TotalCount"]?.GetValue<int>() != 0 || body["Results"] is not JsonArray { Count: 0 }
            ? $"a search that found {body["TotalCount"]?.ToJsonString() ?? "?"} records where nothing may match"
            : null;
    }

    private static string? EmptyPageProblem(JsonObject body) =>
        Envelope(body) ?? (body.First().Value!.GetValue<int>() != 0 || body["Results"] is not JsonArray { Count: 0 } ? "a page that is not an empty success" : null);

    /// <summary>The TMS envelope: <c>Status</c> first, an integer, then <c>Error</c> (either casing, the same for both).</summary>
    private static string? Envelope(JsonObject body)
    {
        if (body.Count < 2)
        {
            return "no Status and Error envelope";
        }

        var (status, error) = (body.First(), body.ElementAt(1));
        var casing = (status.Key, error.Key) is ("Status", "Error") or ("status", "error");
        return !casing || status.Value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number
            ? "no Status and Error envelope"
            : null;
    }

    private static int[] Or200(int[] statuses) => statuses.Length == 0 ? [200] : statuses;
}
