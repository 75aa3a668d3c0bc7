using System.Globalization;

namespace Entitle.Domain.PassTypes;

/// <summary>
/// Amounts travel as strings with two decimals (<c>"99.90"</c>) and are stored as whole minor units, which every
/// database compares and sums exactly.
/// </summary>
public static class Money
{
    /// <summary>The largest amount accepted: ten billion, less one cent.</summary>
    public const long MaxMinorUnits = 999_999_999_999;

    public static long ParseMinorUnits(string? text, string field)
    {
        var value = text?.Trim() ?? "";
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? value : value[..dot];
        var fraction = dot < 0 ? "" : value[(dot + 1)..];
        var wellFormed = whole.Length is > 0 and <= 10 && whole.All(char.IsAsciiDigit)
            && (dot < 0 || fraction.Length is 1 or 2 && fraction.All(char.IsAsciiDigit));
        if (!wellFormed)
        {
            throw new DomainRuleException(field, $"{field} must be a non-negative decimal with at most two decimals, such as \"99.90\".", text);
        }

        var minor = long.Parse(whole, CultureInfo.InvariantCulture) * 100 + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        if (minor > MaxMinorUnits)
        {
            throw new DomainRuleException(field, $"{field} is larger than the largest amount Entitle accepts.", text);
        }

        return minor;
    }

    public static string Format(long minorUnits) =>
        (minorUnits / 100).ToString(CultureInfo.InvariantCulture) + "." + (minorUnits % 100).ToString("00", CultureInfo.InvariantCulture);
}
