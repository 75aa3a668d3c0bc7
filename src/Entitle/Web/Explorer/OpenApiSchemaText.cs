using System.Text.Json.Nodes;

namespace Entitle.Web.Explorer;

/// <summary>
/// An OpenAPI schema fragment in words (<c>integer (int64)</c>, <c>array of</c> a record). When it names a component
/// schema, <see cref="Reference"/> is that name and <see cref="Text"/> the words before it.
/// </summary>
public sealed record OpenApiSchemaText(string Text, string? Reference)
{
    private const string ComponentPrefix = "#/components/schemas/";

    public static OpenApiSchemaText Of(JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            return new("", reference.StartsWith(ComponentPrefix, StringComparison.Ordinal) ? reference[ComponentPrefix.Length..] : reference);
        }

        var type = schema?["type"]?.GetValue<string>() ?? "any";
        if (type == "array")
        {
            var items = Of(schema?["items"]);
            return items with { Text = "array of " + items.Text };
        }

        var words = type;
        if (schema?["format"]?.GetValue<string>() is { } format)
        {
            words += $" ({format})";
        }

        if (schema?["nullable"]?.GetValue<bool>() == true)
        {
            words += " or null";
        }

        if (schema?["enum"] is JsonArray values)
        {
            words += ": " + string.Join(", ", values.Select(v => v?.ToJsonString()));
        }

        return new(words, null);
    }
}
