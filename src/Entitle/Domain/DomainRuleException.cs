namespace Entitle.Domain;

/// <summary>
/// A rule of the domain refused an operation. <see cref="Field"/> names the input at fault in
/// Entitle's canonical vocabulary (the GraphQL input names); each API maps it to its own.
/// </summary>
public class DomainRuleException(string field, string message, string? value = null) : Exception(message)
{
    public string Field { get; } = field;

    public string? Value { get; } = value;
}
