namespace Entitle.Domain.Catalog;

/// <summary>An ISO 4217 currency; <see cref="Name"/> is its English name in the plural, as invoices read.</summary>
public sealed record Currency(string Code, string Name, string Symbol);
