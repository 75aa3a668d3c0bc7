namespace Entitle.Persistence;

/// <summary>Who is changing data in this request: set once the credential is known, read by the audit trail.</summary>
public sealed class AuditActor
{
    public int? OrganizationId { get; private set; }

    public int? CredentialId { get; private set; }

    public void Set(int organizationId, int credentialId)
    {
        OrganizationId = organizationId;
        CredentialId = credentialId;
    }
}
