using Entitle.Domain;

namespace Entitle.Application;

/// <summary>
/// An id that does not name a visible row. Malformed, unknown, of another type, or inside another organization:
/// all four read the same, so an answer never tells whether something exists elsewhere.
/// </summary>
public sealed class EntityNotFoundException(string field, string what, string? value)
    : DomainRuleException(field, $"No {what} with this id exists.", value)
{
    public string What { get; } = what;
}
