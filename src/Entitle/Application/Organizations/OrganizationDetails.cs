namespace Entitle.Application.Organizations;

/// <summary>What creating or updating an organization may set; null leaves a field as it is (or at its default).</summary>
public sealed record OrganizationDetails(string? Name = null, string? ExternalId = null, string? Description = null, string? CurrencyCode = null);
