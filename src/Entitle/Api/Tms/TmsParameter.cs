namespace Entitle.Api.Tms;

/// <summary>One parameter of a TMS method: read, checked and documented from this one declaration.</summary>
public sealed record TmsParameter(string Name, TmsType Type, bool Required, string Description, string? Default = null)
{
    public static TmsParameter Needed(string name, TmsType type, string description) => new(name, type, true, description);

    public static TmsParameter Optional(string name, TmsType type, string description, string? defaultValue = null) => new(name, type, false, description, defaultValue);
}
