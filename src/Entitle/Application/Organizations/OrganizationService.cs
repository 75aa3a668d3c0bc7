using Entitle.Domain.Organizations;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Organizations;

/// <summary>Creates organizations (each with its own credential) and changes them.</summary>
public sealed class OrganizationService(EntitleDbContext db, CredentialHasher hasher, TimeProvider clock)
{
    /// <summary>
    /// Whether any organization exists, written by hand (<see cref="HandWrittenSql{TResult}"/>): every start asks it,
    /// and as a LINQ query it brought up EF Core's query pipeline on the way to the first answer, which needs none
    /// (docs/benchmarks.md, W6; <c>StartPathTests</c>). <c>EXISTS</c> reads as a boolean on PostgreSQL, 0 or 1 on SQLite.
    /// </summary>
    private static readonly HandWrittenSql<bool> AnyOrganization = new(
        "SELECT EXISTS (SELECT 1 FROM organizations)",
        [],
        static async (reader, ct) => await reader.ReadAsync(ct) && reader.GetBoolean(0));

    private static readonly Dictionary<string, object?> NoValues = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates an organization under <paramref name="parentId"/> (default: the caller's own).</summary>
    public Task<CreatedOrganization> CreateAsync(Caller caller, int? parentId, OrganizationDetails details, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var parent = await FindOwnAsync(caller, parentId ?? caller.OrganizationId, "parentId", ct);
                var organization = Organization.CreateChild(parent, details.Name, details.ExternalId, details.Description, Now, details.CurrencyCode);
                db.Organizations.Add(organization);
                await db.SaveChangesAsync(ct);
                organization.AssignPath();
                var secret = CredentialHasher.NewSecret();
                db.Credentials.Add(Credential.Issue(organization.Id, hasher.Hash(secret), Now));
                await db.SaveChangesAsync(ct);
                return new CreatedOrganization(organization, secret);
            },
            cancellationToken);

    public Task<Organization> UpdateAsync(Caller caller, int organizationId, OrganizationDetails details, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var organization = await FindOwnAsync(caller, organizationId, "organizationId", ct);
                organization.Update(details.Name, details.ExternalId, details.Description, Now, details.CurrencyCode);
                await db.SaveChangesAsync(ct);
                return organization;
            },
            cancellationToken);

    /// <summary>
    /// Deletes an empty organization below the caller's own: one with no child organizations, contacts, pass types,
    /// catalog items or keys. Its credentials go with it.
    /// </summary>
    public Task DeleteAsync(Caller caller, int organizationId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var organization = await FindOwnAsync(caller, organizationId, "organizationId", ct);
                if (organization.Id == caller.OrganizationId)
                {
                    throw new Domain.DomainRuleException("organizationId", "An organization cannot delete itself; use a parent organization's credential.");
                }

                var id = organization.Id;
                var inUse = await db.Organizations.AnyAsync(o => o.ParentId == id, ct)
                    || await db.Contacts.AnyAsync(c => c.OrganizationId == id, ct)
                    || await db.PassTypes.AnyAsync(t => t.OrganizationId == id, ct)
                    || await db.CourseTemplates.AnyAsync(c => c.OrganizationId == id, ct)
                    || await db.LearningPaths.AnyAsync(p => p.OrganizationId == id, ct)
                    || await db.TrainingKeys.AnyAsync(k => k.OrganizationId == id, ct);
                if (inUse)
                {
                    throw new Domain.DomainRuleException("organizationId", "This organization still has organizations, users, profiles, courses or keys; remove them first.");
                }

                await db.Credentials.Where(c => c.OrganizationId == id).ExecuteDeleteAsync(ct);
                db.Organizations.Remove(organization);
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);

    /// <summary>
    /// Issues a new credential for an organization inside the caller's subtree and revokes every credential it had:
    /// from the commit on, the old ones are refused by every process (each request looks its credential up).
    /// </summary>
    /// <returns>The new credential, shown this once.</returns>
    public Task<CreatedOrganization> RotateCredentialAsync(Caller caller, int organizationId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var organization = await FindOwnAsync(caller, organizationId, "organizationId", ct);
                var active = await db.Credentials.Where(c => c.OrganizationId == organization.Id && c.RevokedAt == null).ToListAsync(ct);
                foreach (var credential in active)
                {
                    credential.Revoke(Now);
                }

                var secret = CredentialHasher.NewSecret();
                db.Credentials.Add(Credential.Issue(organization.Id, hasher.Hash(secret), Now));
                await db.SaveChangesAsync(ct);
                return new CreatedOrganization(organization, secret);
            },
            cancellationToken);

    /// <summary>Creates the root organization and its credential when the database has none.</summary>
    /// <returns>The root credential when this call created it; null when a root already existed.</returns>
    public async Task<string?> EnsureRootAsync(string rootName, string? presetCredential, CancellationToken cancellationToken)
    {
        if (await AnyOrganization.RunAsync(db, NoValues, cancellationToken))
        {
            return null;
        }

        return await db.WriteAsync(
            async ct =>
            {
                // Asked again inside the write: another node may have created the root since.
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
    }

    /// <summary>An organization inside the caller's subtree, tracked for change.</summary>
    public async Task<Organization> FindOwnAsync(Caller caller, int organizationId, string field, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        return organization is not null && caller.Owns(organization.Path)
            ? organization
            : throw new EntityNotFoundException(field, "organization", organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
