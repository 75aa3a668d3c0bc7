using Entitle.Application.Organizations;
using Entitle.Domain.Contacts;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Contacts;

/// <summary>
/// One-time sign-in links for learners: asked for by email address, one per enabled contact with that address
/// (a person can be a learner in several organizations), kept only as keyed hashes, usable once within
/// <see cref="SignInLink.Lifetime"/>.
/// </summary>
public sealed class LearnerSignInService(EntitleDbContext db, CredentialHasher hasher, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <returns>Each matching learner with the token of their new link; none when nobody has the address.</returns>
    public Task<IReadOnlyList<(Contact Contact, string Token)>> IssueAsync(string? email, CancellationToken cancellationToken)
    {
        var address = email?.Trim().ToLowerInvariant() ?? "";
        return db.WriteAsync(
            async ct =>
            {
                if (address.Length == 0)
                {
                    return (IReadOnlyList<(Contact, string)>)[];
                }

                // ToLower translates to SQL on both databases; string.Equals with a comparison does not.
#pragma warning disable CA1862
                var contacts = await db.Contacts.Include(c => c.Organization)
                    .Where(c => c.Email != null && c.Email.ToLower() == address && !c.Disabled)
                    .OrderBy(c => c.Id)
                    .ToListAsync(ct);
#pragma warning restore CA1862
                var issued = new List<(Contact, string)>();
                foreach (var contact in contacts)
                {
                    var token = CredentialHasher.NewSecret();
                    db.SignInLinks.Add(SignInLink.Issue(contact.Id, hasher.Hash(token), Now));
                    issued.Add((contact, token));
                }

                await db.SaveChangesAsync(ct);
                return issued;
            },
            cancellationToken);
    }

    /// <returns>The learner the link signs in, or null when it is unknown, used or expired (the link is spent either way).</returns>
    public Task<Contact?> UseAsync(string? token, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                if (string.IsNullOrWhiteSpace(token) || token.Length > CredentialAuthenticator.MaxSecretLength)
                {
                    return null;
                }

                var hash = hasher.Hash(token);
                var link = await db.SignInLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
                if (link is null || !link.IsUsableAt(Now))
                {
                    return null;
                }

                // One conditional update: two clicks on the same link (or two nodes) cannot both sign in.
                var taken = await db.SignInLinks.Where(l => l.Id == link.Id && l.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, Now), ct);
                if (taken == 0)
                {
                    return null;
                }

                return await db.Contacts.AsNoTracking().Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == link.ContactId && !c.Disabled, ct);
            },
            cancellationToken);
}
