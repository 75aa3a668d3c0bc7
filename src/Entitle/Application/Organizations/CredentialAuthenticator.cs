using Entitle.Persistence;

namespace Entitle.Application.Organizations;

/// <summary>Finds who a presented secret acts for (one indexed lookup on the secret's hash) and makes it the request's actor.</summary>
public sealed class CredentialAuthenticator(EntitleDbContext db, CredentialHasher hasher, AuditActor actor)
{
    /// <summary>Longer secrets are refused unread; no credential Entitle issues comes near this.</summary>
    public const int MaxSecretLength = 512;

    /// <summary>
    /// Every request runs this lookup, so it is SQL written by hand (see <see cref="HandWrittenSql{TResult}"/>). It
    /// is never cached: a revoked or rotated credential is refused on the very next request, on every node.
    /// </summary>
    private static readonly HandWrittenSql<CredentialMatch?> Lookup = new(
        """
        SELECT c.organization_id, o.path, c.id
        FROM credentials c
        JOIN organizations o ON o.id = c.organization_id
        WHERE c.secret_hash = @hash AND c.revoked_at IS NULL
        LIMIT 1
        """,
        [("hash", typeof(string))],
        static async (reader, ct) => await reader.ReadAsync(ct) ? new CredentialMatch(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)) : null);

    /// <summary>The secret hashed, or null when none was presented or it is longer than any Entitle issues (refused unread).</summary>
    public PresentedCredential? Present(string? secret) =>
        string.IsNullOrWhiteSpace(secret) || secret.Length > MaxSecretLength ? null : new PresentedCredential(hasher.Hash(secret));

    public Task<Caller?> FindCallerAsync(string? secret, CancellationToken cancellationToken) =>
        FindCallerAsync(Present(secret), cancellationToken);

    public async Task<Caller?> FindCallerAsync(PresentedCredential? credential, CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            return null;
        }

        var found = await Lookup.RunAsync(db, new Dictionary<string, object?> { ["hash"] = credential.Hash }, cancellationToken);
        return found is null ? null : Accept(found);
    }

    /// <summary>
    /// The caller a live credential stands for, found by this lookup or by a statement that checked the credential
    /// itself; whatever the request changes from here on is recorded as done by this credential.
    /// </summary>
    public Caller Accept(CredentialMatch found)
    {
        actor.Set(found.OrganizationId, found.CredentialId);
        return new Caller(found.OrganizationId, found.Path, found.CredentialId);
    }
}
