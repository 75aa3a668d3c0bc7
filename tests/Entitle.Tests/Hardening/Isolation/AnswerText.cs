using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// Puts two answers side by side: the value the request named is replaced by a placeholder wherever an answer
/// echoes it, so that the answer for a real id and the one for an absent id are equal exactly when the answer
/// does not tell them apart.
/// </summary>
public static class AnswerText
{
    public const string Placeholder = "<VALUE>";

    private static readonly HashSet<string> Secrets = new(StringComparer.OrdinalIgnoreCase) { "credential", "secret", "IntegrationKey" };

    /// <summary>
    /// The answer with <paramref name="value"/> replaced (in strings, as a whole token). With
    /// <paramref name="created"/>, what differs between two successful creations (the new row's number, a new
    /// secret) is masked too.
    /// </summary>
    public static string Normalize(CallAnswer answer, string? value, bool created = false)
    {
        var json = answer.Json;
        if (json is null)
        {
            return $"HTTP {answer.HttpStatus}: {Replace(answer.Body, value)}";
        }

        Walk(json, value, created);
        return $"HTTP {answer.HttpStatus}: {json.ToJsonString()}";
    }

    /// <summary>Whether <paramref name="token"/> occurs in <paramref name="text"/> as a whole token (not inside a longer id or word).</summary>
    public static bool ContainsToken(string text, string token) => Token(token).IsMatch(text);

    private static void Walk(JsonNode node, string? value, bool created)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (created && child is JsonValue leaf && (Secrets.Contains(name) || name.EndsWith("Id", StringComparison.Ordinal)) && leaf.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)
                    {
                        obj[name] = "<NEW>";
                    }
                    else if (child is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        obj[name] = Replace(s, value);
                    }
                    else if (child is not null)
                    {
                        Walk(child, value, created);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        array[i] = Replace(s, value);
                    }
                    else if (array[i] is { } child)
                    {
                        Walk(child, value, created);
                    }
                }

                break;
        }
    }

    private static string Replace(string text, string? value) => string.IsNullOrEmpty(value) ? text : Token(value).Replace(text, Placeholder);

    private static Regex Token(string token) => new($"(?<![A-Za-z0-9+/=_-]){Regex.Escape(token)}(?![A-Za-z0-9+/=_-])", RegexOptions.CultureInvariant);
}
