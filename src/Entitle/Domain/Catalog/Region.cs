namespace Entitle.Domain.Catalog;

/// <summary>
/// A sales region, identified by its code (<c>Region:DR</c>). Regions are installation-wide reference data,
/// like currencies: every organization sees them, only the root organization defines them.
/// </summary>
public sealed class Region
{
    private Region()
    {
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public static Region Create(string? code, string? name)
    {
        var trimmed = InputText.Required(code, "code", 20);
        if (!trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new DomainRuleException("code", "code may hold only letters, digits, '-' and '_'.", code);
        }

        return new Region { Code = trimmed, Name = InputText.Required(name, "name", 200) };
    }

    public void Rename(string? name) => Name = InputText.Required(name, "name", 200);
}
