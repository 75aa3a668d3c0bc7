using System.Globalization;
using System.Text;

namespace Entitle.Api.GraphQL;

/// <summary>
/// Administrate's global ids: standard base64 with padding of <c>"Prefix:key"</c>, e.g. <c>TrainingPassType:1</c>
/// is <c>VHJhaW5pbmdQYXNzVHlwZTox</c>.
/// </summary>
public static class GlobalId
{
    public const string TrainingPassType = "TrainingPassType";
    public const string TrainingPassTypeOption = "TrainingPassTypeOption";
    public const string TrainingPassTypeOptionPrice = "TrainingPassTypeOptionPrice";
    public const string TrainingPass = "TrainingPass";
    public const string Person = "Person";
    public const string Organisation = "Organisation";
    public const string CourseTemplate = "CourseTemplate";
    public const string LearningPath = "LearningPath";
    public const string Region = "Region";
    public const string Webhook = "Webhook";

    /// <summary>Longer ids are not decoded at all; no valid id comes near this.</summary>
    private const int MaxEncodedLength = 200;

    public static string Encode(string prefix, int key) => Encode(prefix, key.ToString(CultureInfo.InvariantCulture));

    public static string Encode(string prefix, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + ":" + key));

    /// <summary>Splits an id into prefix and key; null for anything that is not well-formed.</summary>
    public static (string Prefix, string Key)? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxEncodedLength || id.Length % 4 != 0
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(id));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == text.Length - 1 ? null : (text[..colon], text[(colon + 1)..]);
    }

    /// <summary>The integer key of an id with this prefix; null when the id is malformed or of another type.</summary>
    public static int? DecodeInt(string? id, string prefix) =>
        Decode(id) is { } decoded && decoded.Prefix == prefix && Digits(decoded.Key) is { } key && key > 0
            ? key
            : null;

    /// <summary>
    /// The number written by <paramref name="text"/> when it is nothing but ASCII digits and fits an int; null
    /// otherwise. <see cref="int.TryParse(string, NumberStyles, IFormatProvider, out int)"/> alone would accept
    /// trailing NULs, so <c>"TrainingPassType:1\0"</c> would name type 1.
    /// </summary>
    public static int? Digits(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The string key of an id with this prefix (regions are keyed by code).</summary>
    public static string? DecodeString(string? id, string prefix) =>
        Decode(id) is { } decoded && decoded.Prefix == prefix ? decoded.Key : null;
}
