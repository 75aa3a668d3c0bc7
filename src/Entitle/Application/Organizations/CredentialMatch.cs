namespace Entitle.Application.Organizations;

/// <summary>What the credential lookup reads: the organization a live credential acts for, its path, and the credential.</summary>
public sealed record CredentialMatch(int OrganizationId, string Path, int CredentialId);
