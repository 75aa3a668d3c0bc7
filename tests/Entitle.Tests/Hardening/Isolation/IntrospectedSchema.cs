using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// The live schema as the API's own introspection describes it: its query roots, its namespaced mutations, the
/// types behind an interface, and selection sets written from it that reach every field a type has.
/// </summary>
public sealed class IntrospectedSchema
{
    /// <summary>How far selections nest below a root; types already on the way down are not expanded again.</summary>
    private const int MaxNesting = 10;

    private const string Document = """
        query {
          __schema {
            queryType { name }
            mutationType { name }
            types { kind name possibleTypes { name } fields { name args { name type { kind } } type { ...TypeRef } } }
          }
        }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    private readonly Dictionary<string, JsonNode> _types;

    private IntrospectedSchema(JsonNode schema)
    {
        QueryType = schema["queryType"]!["name"]!.GetValue<string>();
        MutationType = schema["mutationType"]!["name"]!.GetValue<string>();
        _types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
    }

    public string QueryType { get; }

    public string MutationType { get; }

    public static async Task<IntrospectedSchema> LoadAsync(IsolationClient client, string credential)
    {
        var answer = await client.GraphQLAsync(Document, credential);
        var schema = answer.Json?["data"]?["__schema"];
        Assert.True(answer.HttpStatus == 200 && schema is not null, $"Introspection failed: {answer.Body}");
        return new IntrospectedSchema(schema!);
    }

    public IReadOnlyList<string> FieldNames(string type) => Fields(type).Select(f => f["name"]!.GetValue<string>()).ToList();

    /// <summary>The named type a field answers, lists and non-null wrappers taken off.</summary>
    public string FieldType(string type, string field) => Named(Fields(type).Single(f => f["name"]!.GetValue<string>() == field)["type"]!);

    /// <summary>Every mutation as <c>namespace.operation</c>.</summary>
    public IReadOnlyList<string> Mutations() =>
        FieldNames(MutationType).SelectMany(ns => FieldNames(FieldType(MutationType, ns)).Select(op => $"{ns}.{op}")).ToList();

    public IReadOnlyList<string> PossibleTypes(string type) =>
        _types[type]["possibleTypes"]?.AsArray().Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>
    /// A selection of everything <paramref name="type"/> offers: every scalar, every object field (nested lists a
    /// few items long), every member of an interface or union, down to types not yet on the way.
    /// </summary>
    public string Selection(string type) => Select(type, [type]);

    /// <summary>
    /// A mutation payload's selection: its errors whole, its secrets, and of each object only its type name, which
    /// tells a refusal (null) from a success without naming what was made.
    /// </summary>
    public string PayloadSelection(string mutation)
    {
        var (ns, op) = (mutation[..mutation.IndexOf('.', StringComparison.Ordinal)], mutation[(mutation.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var payload = FieldType(FieldType(MutationType, ns), op);
        var parts = Fields(payload).Select(f =>
        {
            var name = f["name"]!.GetValue<string>();
            var named = Named(f["type"]!);
            return IsLeaf(named) ? name : name == "errors" ? $"errors {{ {Select(named, [named])} }}" : $"{name} {{ __typename }}";
        });
        return string.Join(" ", parts);
    }

    private string Select(string type, ImmutableList<string> way, HashSet<string>? clashing = null)
    {
        var node = _types[type];
        var parts = new List<string> { "__typename" };
        if (node["kind"]!.GetValue<string>() is "INTERFACE" or "UNION")
        {
            var members = PossibleTypes(type).Where(p => !way.Contains(p)).ToList();
            var clashes = Clashing(members);
            parts.AddRange(members.Select(p => $"... on {p} {{ {Select(p, way.Add(p), clashes)} }}"));
            return string.Join(" ", parts);
        }

        foreach (var field in Fields(type))
        {
            var arguments = field["args"]!.AsArray();
            if (arguments.Any(a => a!["type"]!["kind"]!.GetValue<string>() == "NON_NULL"))
            {
                continue;
            }

            var name = field["name"]!.GetValue<string>();
            var named = Named(field["type"]!);
            // Members of one interface may answer a field of one name with different types; GraphQL wants those aliased.
            var shown = clashing?.Contains(name) == true ? $"{char.ToLowerInvariant(type[0])}{type[1..]}{char.ToUpperInvariant(name[0])}{name[1..]}: {name}" : name;
            if (IsLeaf(named))
            {
                parts.Add(shown);
            }
            else if (!way.Contains(named) && way.Count < MaxNesting)
            {
                var first = arguments.Any(a => a!["name"]!.GetValue<string>() == "first") ? "(first: 3)" : "";
                parts.Add($"{shown}{first} {{ {Select(named, way.Add(named))} }}");
            }
        }

        return string.Join(" ", parts);
    }

    /// <summary>Field names the <paramref name="members"/> answer with more than one type.</summary>
    private HashSet<string> Clashing(IReadOnlyList<string> members) =>
        members.SelectMany(m => Fields(m).Select(f => (Name: f["name"]!.GetValue<string>(), Type: Signature(f["type"]!))))
            .GroupBy(f => f.Name)
            .Where(g => g.Select(f => f.Type).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToHashSet();

    private static string Signature(JsonNode type) =>
        type["kind"]!.GetValue<string>() + (type["name"]?.GetValue<string>() is { } name ? " " + name : "(" + Signature(type["ofType"]!) + ")");

    private bool IsLeaf(string type) => _types[type]["kind"]!.GetValue<string>() is "SCALAR" or "ENUM";

    private IEnumerable<JsonNode> Fields(string type) => _types[type]["fields"]?.AsArray().Select(f => f!) ?? [];

    private static string Named(JsonNode type) => type["name"]?.GetValue<string>() is { } name ? name : Named(type["ofType"]!);
}
