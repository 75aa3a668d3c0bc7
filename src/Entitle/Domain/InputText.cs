namespace Entitle.Domain;

/// <summary>Checks shared by every entity that takes names, codes and descriptions from callers.</summary>
public static class InputText
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainRuleException(field, $"{field} must not be blank.", value);
        }

        return Limit(trimmed, field, maxLength, multiline: false);
    }

    public static string? Optional(string? value, string field, int maxLength, bool multiline = false)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Limit(trimmed, field, maxLength, multiline);
    }

    private static string Limit(string value, string field, int maxLength, bool multiline)
    {
        if (value.Length > maxLength)
        {
            throw new DomainRuleException(
                field,
                $"{field} must be at most {maxLength} characters long.",
                string.Concat(value.AsSpan(0, 40), "…"));
        }

        if (!HasValidSurrogates(value))
        {
            throw new DomainRuleException(field, $"{field} must be valid Unicode text.", null);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                throw new DomainRuleException(field, $"{field} must not contain control characters.", value);
            }
        }

        return value;
    }

    /// <summary>Whether every surrogate is half of a pair: a lone one is not text, and PostgreSQL cannot encode it.</summary>
    public static bool HasValidSurrogates(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
