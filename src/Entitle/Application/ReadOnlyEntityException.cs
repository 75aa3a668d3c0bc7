using Entitle.Domain;

namespace Entitle.Application;

/// <summary>A caller tried to change something its ancestors own; it may read it, not change it.</summary>
public sealed class ReadOnlyEntityException(string field, string what, string? value)
    : DomainRuleException(field, $"This {what} belongs to a parent organization and is read-only here.", value);
