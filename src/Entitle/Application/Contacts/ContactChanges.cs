namespace Entitle.Application.Contacts;

/// <summary>What a create or update asks to set; null leaves a field as it is (or at its default on create).</summary>
public sealed record ContactChanges(
    string? FirstName = null,
    string? LastName = null,
    string? Email = null,
    int? OrganizationId = null,
    string? UserName = null,
    string? ExternalId = null,
    bool? Disabled = null);
