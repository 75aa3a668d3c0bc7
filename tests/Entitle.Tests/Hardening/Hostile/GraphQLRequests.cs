using System.Text;
using System.Text.Json;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>Builds hostile GraphQL requests: by default a POST of JSON as the root organization.</summary>
public static class GraphQLRequests
{
    public const string Endpoint = "/graphql";

    public static readonly KeyValuePair<string, string> Bearer = new("Authorization", "Bearer " + TestApp.RootKey);

    public static HostileRequest Post(string name, byte[] body, HostileExpectation expected, string? contentType = "application/json") =>
        new(name, "POST", Endpoint, expected) { Headers = [Bearer], Body = body, ContentType = contentType };

    public static HostileRequest Json(string name, string json, HostileExpectation expected) => Post(name, Encoding.UTF8.GetBytes(json), expected);

    public static HostileRequest Document(string name, string query, HostileExpectation expected, object? variables = null, string? operationName = null) =>
        Json(name, JsonSerializer.Serialize(new { query, variables, operationName }), expected);

    public static HostileRequest Get(string name, string queryString, HostileExpectation expected) =>
        new(name, "GET", Endpoint + queryString, expected) { Headers = [Bearer] };

    /// <summary>A mutation that must be refused: it reports its payload's errors, and the caller's answer must carry them.</summary>
    public static HostileRequest Refused(string name, string mutation, object? variables = null) =>
        Document(name, mutation, HostileExpectation.GraphQLRefusal(), variables);

    /// <summary>A one-field mutation with its input written inline, e.g. <c>Mutation("trainingPass", "createType", "code: \"\"")</c>.</summary>
    public static string Mutation(string ns, string operation, string input) =>
        $"mutation {{ {ns} {{ {operation}(input: {{{input}}}) {{ errors {{ label message value }} }} }} }}";

    /// <summary>A string literal for a GraphQL document (JSON escapes are GraphQL escapes).</summary>
    public static string Literal(string text) => JsonSerializer.Serialize(text);
}
