namespace Entitle.Tests.Hardening.Isolation;

/// <summary>Writes a TMS call, <c>Method?name=value&amp;…</c>, with every value escaped.</summary>
public static class TmsQuery
{
    public static string Of(string method, params (string Name, object? Value)[] parameters) =>
        method + "?" + string.Join("&", parameters
            .Where(p => p.Value is not null)
            .Select(p => p.Name + "=" + Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)));

    /// <summary>The same call under another of the method's names (<c>Method?…</c> or <c>Method/id…</c>).</summary>
    public static string Renamed(string call, string method)
    {
        var end = call.IndexOfAny(['?', '/']);
        return end < 0 ? method : method + call[end..];
    }
}
