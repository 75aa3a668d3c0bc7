using System.Globalization;
using System.Text;

namespace Entitle.Bench.Hosting;

/// <summary>GraphQL global ids as docs/graphql-api.md defines them: base64 of <c>"&lt;Prefix&gt;:&lt;key&gt;"</c>.</summary>
public static class GlobalIds
{
    public static string Of(string prefix, int key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{prefix}:{key.ToString(CultureInfo.InvariantCulture)}"));
}
