namespace Entitle.Persistence;

/// <summary>LIKE patterns from caller text, with backslash as the escape character everywhere Entitle uses LIKE.</summary>
public static class LikePatterns
{
    public const string EscapeCharacter = "\\";

    /// <summary>The text with <c>%</c>, <c>_</c> and <c>\</c> made literal.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>A pattern matching lower-cased values that contain <paramref name="text"/>, ignoring case.</summary>
    public static string ContainsIgnoringCase(string text) => "%" + Escape(text.ToLowerInvariant()) + "%";
}
