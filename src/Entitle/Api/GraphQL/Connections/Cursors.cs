using System.Globalization;
using System.Text;

namespace Entitle.Api.GraphQL.Connections;

/// <summary>Administrate's cursors: base64 of <c>"Cursor:&lt;zero-based index&gt;"</c>.</summary>
public static class Cursors
{
    public static string Encode(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("Cursor:" + index.ToString(CultureInfo.InvariantCulture)));

    public static int? Decode(string? cursor) =>
        GlobalId.Decode(cursor) is { Prefix: "Cursor" } decoded ? GlobalId.Digits(decoded.Key) : null;
}
