using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Organizations;

/// <summary>Finds who a presented secret acts for (one indexed lookup on the secret's hash) and makes it the request's actor.</summary>
public sealed class CredentialAuthenticator(EntitleDbContext db, CredentialHasher hasher, AuditActor actor)
{
    /// <summary>Longer secrets are refused unread; no credential Entitle issues comes near this.</summary>
    public const int MaxSecretLength = 512;

    /// <summary>
    /// Every request runs this lookup, so it is compiled once: EF Core then skips rebuilding and hashing the query's
    /// expression tree per call (docs/benchmarks.md has the profile that showed the cost). A compiled query keeps
    /// the plan of the first model it met, so each provider has its own.
    /// </summary>
    private static readonly Func<EntitleDbContext, string, CancellationToken, Task<CredentialMatch?>> SqliteLookup = CompileLookup();

    private static readonly Func<EntitleDbContext, string, CancellationToken, Task<CredentialMatch?>> PostgresLookup = CompileLookup();

    private static Func<EntitleDbContext, string, CancellationToken, Task<CredentialMatch?>> CompileLookup() => EF.CompileAsyncQuery(
        (EntitleDbContext db, string hash, CancellationToken ct) => db.Credentials.AsNoTracking()
            .Where(c => c.SecretHash == hash && c.RevokedAt == null)
            .Select(c => new CredentialMatch(c.OrganizationId, c.Organization!.Path, c.Id))
            .FirstOrDefault());

    public async Task<Caller?> FindCallerAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > MaxSecretLength)
        {
            return null;
        }

        var hash = hasher.Hash(secret);
        var found = await (db.Provider == DatabaseProvider.Postgres ? PostgresLookup : SqliteLookup)(db, hash, cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Whatever this request changes is recorded as done by this credential.
        actor.Set(found.OrganizationId, found.CredentialId);
        return new Caller(found.OrganizationId, found.Path, found.CredentialId);
    }
}
