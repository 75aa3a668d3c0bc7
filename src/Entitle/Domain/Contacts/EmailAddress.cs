namespace Entitle.Domain.Contacts;

/// <summary>
/// A deliberately small check: one @ with something on both sides and no spaces. Real validation of an address
/// is sending mail to it, which is the caller's business.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static string? Normalize(string? value, string field)
    {
        var trimmed = InputText.Optional(value, field, MaxLength);
        if (trimmed is null)
        {
            return null;
        }

        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace))
        {
            throw new DomainRuleException(field, $"{field} is not a valid email address.", value);
        }

        return trimmed;
    }
}
