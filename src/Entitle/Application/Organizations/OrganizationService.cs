using Entitle.Domain.Organizations;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Organizations;

/// <summary>Creates organizations (each with its own credential) and changes them.</summary>
public sealed class OrganizationService(EntitleDbContext db, CredentialHasher hasher, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates an organization under <paramref name="parentId"/> (default: the caller's own).</summary>
    public Task<CreatedOrganization> CreateAsync(Caller caller, int? parentId, string? name, string? externalId, string? description, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var parent = await FindOwnAsync(caller, parentId ?? caller.OrganizationId, "parentId", ct);
                var organization = Organization.CreateChild(parent, name, externalId, description, Now);
                db.Organizations.Add(organization);
                await db.SaveChangesAsync(ct);
                organization.AssignPath();
                var secret = CredentialHasher.NewSecret();
                db.Credentials.Add(Credential.Issue(organization.Id, hasher.Hash(secret), Now));
                await db.SaveChangesAsync(ct);
                return new CreatedOrganization(organization, secret);
            },
            cancellationToken);

    public Task<Organization> UpdateAsync(Caller caller, int organizationId, string? name, string? externalId, string? description, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var organization = await FindOwnAsync(caller, organizationId, "organizationId", ct);
                organization.Update(name, externalId, description, Now);
                await db.SaveChangesAsync(ct);
                return organization;
            },
            cancellationToken);

    /// <summary>Creates the root organization and its credential when the database has none.</summary>
    /// <returns>The root credential when this call created it; null when a root already existed.</returns>
    public Task<string?> EnsureRootAsync(string rootName, string? presetCredential, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                if (await db.Organizations.AnyAsync(ct))
                {
                    return null;
                }

                var root = Organization.CreateRoot(rootName, Now);
                db.Organizations.Add(root);
                await db.SaveChangesAsync(ct);
                root.AssignPath();
                var secret = string.IsNullOrEmpty(presetCredential) ? CredentialHasher.NewSecret() : presetCredential;
                db.Credentials.Add(Credential.Issue(root.Id, hasher.Hash(secret), Now));
                await db.SaveChangesAsync(ct);
                return (string?)secret;
            },
            cancellationToken);

    /// <summary>An organization inside the caller's subtree, tracked for change.</summary>
    public async Task<Organization> FindOwnAsync(Caller caller, int organizationId, string field, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        return organization is not null && caller.Owns(organization.Path)
            ? organization
            : throw new EntityNotFoundException(field, "organization", organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
