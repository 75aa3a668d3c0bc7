namespace Entitle.Domain.Organizations;

/// <summary>
/// A secret that acts for one organization (a GraphQL bearer token and a TMS api_key at once). Only a keyed
/// hash of the secret is stored, so a copy of the database reveals no usable credential.
/// </summary>
public sealed class Credential
{
    private Credential()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public string SecretHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public static Credential Issue(int organizationId, string secretHash, DateTime now) => new()
    {
        OrganizationId = organizationId,
        SecretHash = secretHash,
        CreatedAt = now,
    };

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
