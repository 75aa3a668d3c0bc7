namespace Entitle.Tests.Hardening.Hostile;

/// <summary>A root list of the GraphQL schema that takes <c>filters</c>, with every field its filters accept.</summary>
public sealed record FilterableList(string Root, string FilterType, IReadOnlyList<string> Fields);
