using System.Security.Cryptography;

namespace Entitle.Domain.Keys;

/// <summary>The text of keys: how they are generated, checked and matched.</summary>
public static class TrainingKeyText
{
    public const int GeneratedLength = 16;
    public const int MaxLength = 100;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>16 upper-case letters and digits from a cryptographic source: about 82 bits, never guessed.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, GeneratedLength);

    /// <summary>How keys are matched: ignoring case and surrounding spaces.</summary>
    public static string Normalize(string key) => key.Trim().ToUpperInvariant();

    /// <summary>
    /// Whether a normalized text could be a stored key: every stored key passed <see cref="Check"/> or was
    /// generated. Anything else names no key, and is not sent to the database (PostgreSQL cannot hold a NUL).
    /// </summary>
    public static bool CouldBeStored(string normalized) =>
        normalized.Length is > 0 and <= MaxLength && normalized.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A caller-chosen key, trimmed; letters, digits, '-' and '_' only, so it survives CSV files and URLs.</summary>
    public static string Check(string? key, string field)
    {
        var trimmed = key?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException(field, "A training key must not be blank.", key);
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DomainRuleException(field, $"A training key is at most {MaxLength} characters long.", trimmed[..20] + "…");
        }

        if (!trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new DomainRuleException(field, "A training key may hold only letters, digits, '-' and '_'.", trimmed);
        }

        return trimmed;
    }
}
