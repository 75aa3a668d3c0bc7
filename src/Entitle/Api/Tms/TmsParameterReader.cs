using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Entitle.Api.Tms;

/// <summary>
/// Reads a method's declared parameters from the query string and a form body, matching names ignoring case.
/// Parameters a method does not declare are ignored, as the vendor's API does; a declared one given twice is an
/// error, never a guess.
/// </summary>
public static class TmsParameterReader
{
    /// <summary>The latest instant .NET represents: 9999-12-31T23:59:59Z.</summary>
    public const long MaxEpochSeconds = 253_402_300_799;

    public static Dictionary<string, object> Read(TmsMethod method, IEnumerable<KeyValuePair<string, StringValues>> raw, string? routeId)
    {
        var given = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in raw)
        {
            var list = given.TryGetValue(key, out var existing) ? existing : given[key] = [];
            list.AddRange(values.Select(v => v ?? ""));
        }

        if (routeId is not null)
        {
            var list = given.TryGetValue("id", out var existing) ? existing : given["id"] = [];
            list.Add(routeId);
        }

        var read = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.Parameters)
        {
            var values = given.TryGetValue(parameter.Name, out var found) ? found.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : [];
            if (values.Count > 1)
            {
                throw new TmsRequestException($"The parameter {parameter.Name} is given more than once.");
            }

            if (values.Count == 0)
            {
                if (parameter.Required)
                {
                    throw new TmsRequestException($"The parameter {parameter.Name} is required.");
                }

                continue;
            }

            var text = values[0].Trim();
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new TmsRequestException($"The parameter {parameter.Name} must not contain a NUL character.");
            }

            read[parameter.Name] = Parse(parameter, text);
        }

        return read;
    }

    private static object Parse(TmsParameter parameter, string text) => parameter.Type switch
    {
        TmsType.Number => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? i
            : throw new TmsRequestException($"The parameter {parameter.Name} must be a whole number from -2147483648 to 2147483647; \"{Shown(text)}\" is not."),
        TmsType.Epoch => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxEpochSeconds
            ? DateTime.UnixEpoch.AddSeconds(seconds)
            : throw new TmsRequestException($"The parameter {parameter.Name} must be a Unix time in whole seconds (UTC) from 0 to {MaxEpochSeconds}; \"{Shown(text)}\" is not."),
        TmsType.Boolean => text.ToUpperInvariant() switch
        {
            "TRUE" or "1" => true,
            "FALSE" or "0" => false,
            _ => throw new TmsRequestException($"The parameter {parameter.Name} must be true or false; \"{Shown(text)}\" is not."),
        },
        TmsType.List => (IReadOnlyList<string>)text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        _ => text,
    };

    /// <summary>Enough of a rejected value to recognise it, never a page of it.</summary>
    private static string Shown(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
