using System.Text;
using System.Text.Json.Nodes;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// The GraphQL schema as a client reads it, through introspection: the corpus is generated from it, so a new list,
/// filter field, mutation or input field is covered as soon as it exists.
/// </summary>
public sealed class HostileCorpusSchema
{
    private const string Introspection = """
        {
          __schema {
            queryType { fields { name args { name type { ...Ref } } } }
            mutationType { fields { name type { ...Ref } } }
            types { name kind fields { name args { name type { ...Ref } } } inputFields { name type { ...Ref } } enumValues { name } }
          }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    /// <summary>Stands for an id of the right shape that names nothing, whatever the field expects.</summary>
    private static readonly string NoSuchId = Convert.ToBase64String(Encoding.UTF8.GetBytes("Nothing:999999"));

    private readonly Dictionary<string, JsonNode> _types;

    private HostileCorpusSchema(JsonNode schema)
    {
        _types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        Lists = ReadLists(schema).ToList();
        TextFields = ReadTextFields(schema).ToList();
    }

    /// <summary>Every root list that takes <c>filters</c>, with the fields its filters accept.</summary>
    public IReadOnlyList<FilterableList> Lists { get; }

    /// <summary>Every String field, at any depth, of every mutation's input.</summary>
    public IReadOnlyList<MutationTextField> TextFields { get; }

    public static async Task<HostileCorpusSchema> ReadAsync(TestApp app) => new((await app.GraphQLAsync(Introspection)).At("data.__schema"));

    private IEnumerable<FilterableList> ReadLists(JsonNode schema)
    {
        foreach (var field in schema.At("queryType.fields").AsArray())
        {
            var filters = field!["args"]!.AsArray().FirstOrDefault(a => Name(a!) == "filters");
            if (filters is not null)
            {
                var filterType = Named(filters["type"]!);
                var fieldEnum = Named(InputFields(filterType).Single(f => Name(f) == "field")["type"]!);
                var values = _types[fieldEnum]["enumValues"]!.AsArray().Select(v => Name(v!)).ToList();
                yield return new FilterableList(Name(field), filterType, values);
            }
        }
    }

    private IEnumerable<MutationTextField> ReadTextFields(JsonNode schema)
    {
        foreach (var ns in schema.At("mutationType.fields").AsArray())
        {
            foreach (var operation in _types[Named(ns!["type"]!)]["fields"]!.AsArray())
            {
                var input = operation!["args"]!.AsArray().FirstOrDefault(a => Name(a!) == "input");
                if (input is null)
                {
                    continue;
                }

                foreach (var path in TextPaths(Named(input["type"]!), []))
                {
                    var inputType = Named(input["type"]!);
                    yield return new MutationTextField(Name(ns), Name(operation), string.Join('.', path), literal => Write(inputType, path, literal));
                }
            }
        }
    }

    /// <summary>The paths to every String field of an input type, through nested input objects.</summary>
    private IEnumerable<IReadOnlyList<string>> TextPaths(string inputType, IReadOnlyList<string> prefix)
    {
        foreach (var field in InputFields(inputType))
        {
            var named = Named(field["type"]!);
            var path = prefix.Append(Name(field)).ToList();
            if (named == "String")
            {
                yield return path;
            }
            else if (_types[named]["kind"]!.GetValue<string>() == "INPUT_OBJECT")
            {
                foreach (var inner in TextPaths(named, path))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>An input object literal: <paramref name="literal"/> at <paramref name="path"/>, placeholders for the other required fields.</summary>
    private string Write(string inputType, IReadOnlyList<string> path, string literal)
    {
        var parts = new List<string>();
        foreach (var field in InputFields(inputType))
        {
            var type = field["type"]!;
            if (path.Count > 0 && Name(field) == path[0])
            {
                var value = path.Count == 1 ? literal : Write(Named(type), path.Skip(1).ToList(), literal);
                parts.Add($"{Name(field)}: {(IsList(type) ? $"[{value}]" : value)}");
            }
            else if (type["kind"]!.GetValue<string>() == "NON_NULL")
            {
                parts.Add($"{Name(field)}: {Placeholder(type)}");
            }
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private string Placeholder(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => Placeholder(type["ofType"]!),
        "LIST" => $"[{Placeholder(type["ofType"]!)}]",
        "INPUT_OBJECT" => Write(Name(type), [], ""),
        "ENUM" => Name(_types[Name(type)]["enumValues"]!.AsArray()[0]!),
        _ => Name(type) switch
        {
            "ID" => $"\"{NoSuchId}\"",
            "Int" => "1",
            "Boolean" => "false",
            "UtcDateTime" => "\"2030-01-01T00:00:00Z\"",
            _ => "\"x\"",
        },
    };

    private IEnumerable<JsonNode> InputFields(string inputType) => _types[inputType]["inputFields"]!.AsArray().Select(f => f!);

    private static bool IsList(JsonNode type) => type["kind"]!.GetValue<string>() == "LIST" || (type["kind"]!.GetValue<string>() == "NON_NULL" && IsList(type["ofType"]!));

    private static string Name(JsonNode node) => node["name"]!.GetValue<string>();

    /// <summary>The named type under any wrapping of lists and non-nulls.</summary>
    private static string Named(JsonNode type) => type["name"]?.GetValue<string>() ?? Named(type["ofType"]!);
}
