using GraphQL;
using GraphQL.Types;
using GraphQLParser.Visitors;

namespace Entitle.Web.Explorer;

/// <summary>
/// What the schema pages read from the live schema object (the one the executor runs), so they cannot describe a
/// type or field the API does not serve.
/// </summary>
public static class SchemaBrowsing
{
    public const string Path = "/graphql/schema";

    /// <summary>The schema's own types, by name; the introspection types (<c>__Type</c> …) are GraphQL's, not Entitle's.</summary>
    public static IReadOnlyList<IGraphType> Types(ISchema schema)
    {
        schema.Initialize();
        return [.. schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public static IGraphType? Find(ISchema schema, string name) => Types(schema).FirstOrDefault(t => t.Name == name);

    public static string Link(IGraphType named) => $"{Path}/{Uri.EscapeDataString(named.Name)}";

    public static string Kind(IGraphType type) => type switch
    {
        IInputObjectGraphType => "input object",
        IInterfaceGraphType => "interface",
        IObjectGraphType => "object",
        UnionGraphType => "union",
        EnumerationGraphType => "enum",
        ScalarGraphType => "scalar",
        _ => "type",
    };

    /// <summary>The kinds in the order the index lists them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["object", "interface", "union", "enum", "input object", "scalar"];

    /// <summary>A default value written as GraphQL literal, as in the SDL (<c>asc</c>, <c>20</c>).</summary>
    public static string? DefaultText(IGraphType? type, object? value) =>
        type is null || value is null ? null : new SDLPrinter().Print(type.ToAST(value));

    /// <summary>The first sentence of a description, for lists.</summary>
    public static string? Summary(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var end = description.IndexOf(". ", StringComparison.Ordinal);
        var line = description.IndexOf('\n', StringComparison.Ordinal);
        var cut = new[] { end < 0 ? int.MaxValue : end + 1, line < 0 ? int.MaxValue : line }.Min();
        return cut == int.MaxValue ? description : description[..cut];
    }
}
