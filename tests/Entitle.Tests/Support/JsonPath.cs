using System.Globalization;
using System.Text.Json.Nodes;

namespace Entitle.Tests.Support;

public static class JsonPath
{
    /// <summary>The node at a dotted path such as <c>data.trainingPassTypes.edges.0.node.id</c>; fails the test when absent.</summary>
    public static JsonNode At(this JsonNode node, string path)
    {
        var current = node;
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? current.AsArray()[index]
                : current[part];
            Assert.True(current is not null, $"No {part} on the way to {path} in {node.ToJsonString()}");
        }

        return current!;
    }

    public static string Text(this JsonNode node, string path) => node.At(path).GetValue<string>();

    public static bool IsNull(this JsonNode node, string path)
    {
        var current = node;
        foreach (var part in path.Split('.'))
        {
            current = current?[part];
        }

        return current is null;
    }

    /// <summary>The node ids of a connection at <paramref name="path"/>.</summary>
    public static List<string> Ids(this JsonNode node, string path, string field = "id") =>
        node.At(path + ".edges").AsArray().Select(e => e!["node"]![field]!.ToString()).ToList();
}
