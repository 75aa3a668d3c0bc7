using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Organizations;

/// <summary>Finds who a presented secret acts for (one indexed lookup on the secret's hash) and makes it the request's actor.</summary>
public sealed class CredentialAuthenticator(EntitleDbContext db, CredentialHasher hasher, AuditActor actor)
{
    /// <summary>Longer secrets are refused unread; no credential Entitle issues comes near this.</summary>
    public const int MaxSecretLength = 512;

    public async Task<Caller?> FindCallerAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > MaxSecretLength)
        {
            return null;
        }

        var hash = hasher.Hash(secret);
        var found = await db.Credentials.AsNoTracking()
            .Where(c => c.SecretHash == hash && c.RevokedAt == null)
            .Select(c => new { c.OrganizationId, c.Organization!.Path, c.Id })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Whatever this request changes is recorded as done by this credential.
        actor.Set(found.OrganizationId, found.Id);
        return new Caller(found.OrganizationId, found.Path, found.Id);
    }
}
