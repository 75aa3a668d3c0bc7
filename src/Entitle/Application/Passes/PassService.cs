using System.Globalization;
using Entitle.Application.Contacts;
using Entitle.Application.Organizations;
using Entitle.Application.Webhooks;
using Entitle.Domain;
using Entitle.Domain.Contacts;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Passes;

/// <summary>Issues, renews, revokes and reassigns passes.</summary>
public sealed class PassService(EntitleDbContext db, ContactService contacts, WebhookPublisher events, OrganizationPaths paths, CredentialAuthenticator authenticator, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Pass> IssueAsync(Caller caller, PassIssue issue, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                // Both are read before either is checked, in one statement where the database allows it.
                var read = await db.UntrackedPassTypeAndContactAsync(issue.PassTypeId, issue.ContactId, ct);
                return await IssueAsync(caller, read?.Type, read?.Contact, issue, ct);
            },
            cancellationToken);

    /// <summary>
    /// Issues a pass for a presented credential not looked up yet; null (and nothing written) when it is unknown or
    /// revoked. On PostgreSQL the credential is read in the same statement as the type and the learner, one round
    /// trip fewer than the lookup and then <see cref="IssueAsync(Caller, PassIssue, CancellationToken)"/>; the
    /// credential becomes the request's actor before anything is written, so the audit names it as ever.
    /// </summary>
    public async Task<CredentialedPass?> IssueForCredentialAsync(PresentedCredential credential, PassIssue issue, CancellationToken cancellationToken)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            // SQLite's statements run in-process, so there is no round trip to save, and looked up first the
            // credential is not read while the use case holds the file's one write turn.
            return await authenticator.FindCallerAsync(credential, cancellationToken) is { } caller
                ? new CredentialedPass(caller, await IssueAsync(caller, issue, cancellationToken))
                : null;
        }

        return await db.WriteAsync<CredentialedPass?>(
            async ct =>
            {
                var read = await db.PostgresCredentialPassTypeAndContactAsync(credential.Hash, issue.PassTypeId, issue.ContactId, ct);
                if (read is null)
                {
                    return null;
                }

                var caller = authenticator.Accept(read.Credential);
                return new CredentialedPass(caller, await IssueAsync(caller, read.Type, read.Contact, issue, ct));
            },
            cancellationToken);
    }

    /// <summary>
    /// The rules of issuing, on the type and the learner as read (either may be missing). The checks keep their order
    /// (the type, its option, then the learner) however the two were read, so the answer is the same.
    /// </summary>
    private async Task<Pass> IssueAsync(Caller caller, PassType? readType, Contact? readContact, PassIssue issue, CancellationToken ct)
    {
        var (type, ownerPath) = await ReadableTypeAsync(caller, readType, issue.PassTypeId, ct);
        var option = issue.OptionId is { } optionId
            ? type.Options.FirstOrDefault(o => o.Id == optionId) ?? NoSuchOption(optionId)
            : type.DefaultOption ?? (issue.ValidUntil is null
                ? throw new DomainRuleException("trainingPassTypeId", "This training pass type has no published option to take the period from.")
                : null);
        var contact = ContactService.Owned(caller, readContact, issue.ContactId, "contactId");
        EnsureMayHold(ownerPath, contact);
        var pass = Pass.Issue(type, option, contact, issue.ValidFrom ?? Now, issue.ValidUntil, Now);
        pass.SetExternalId(issue.ExternalId, Now);
        pass.SetTargetCompletion(issue.TargetCompletion, Now);
        await db.InsertNowAsync(pass, ct);
        await PublishAsync(WebhookEventTypes.PassIssued, pass, ct);
        return pass;
    }

    public Task<Pass> RenewAsync(Caller caller, int passId, int? optionId, DateTime? validUntil, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var pass = await FindOwnAsync(caller, passId, ct);
                var option = optionId is { } id
                    ? pass.PassType!.Options.FirstOrDefault(o => o.Id == id) ?? NoSuchOption(id)
                    : null;
                pass.Renew(option, validUntil, Now);
                await db.SaveChangesAsync(ct);
                await PublishAsync(WebhookEventTypes.PassRenewed, pass, ct);
                return pass;
            },
            cancellationToken);

    public Task<Pass> RevokeAsync(Caller caller, int passId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var pass = await FindOwnAsync(caller, passId, ct);
                pass.Revoke(Now);
                await db.SaveChangesAsync(ct);
                await PublishAsync(WebhookEventTypes.PassRevoked, pass, ct);
                return pass;
            },
            cancellationToken);

    public Task<Pass> ReassignAsync(Caller caller, int passId, int contactId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var pass = await FindOwnAsync(caller, passId, ct);
                var contact = await contacts.FindOwnAsync(caller, contactId, "contactId", ct);
                await EnsureMayHoldAsync(pass.PassType!, contact, ct);
                var from = pass.ContactId;
                pass.Reassign(contact, Now);
                await db.SaveChangesAsync(ct);
                await PublishAsync(WebhookEventTypes.PassReassigned, pass, ct, previousContactId: from);
                return pass;
            },
            cancellationToken);

    /// <summary>
    /// Overwrites a pass as TMS's UpdateSubscription does: dates, holder, external id and target date. The end
    /// defaults to the start plus the pass's option period; the type cannot change.
    /// </summary>
    public Task<Pass> OverwriteAsync(Caller caller, int passId, PassIssue values, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var pass = await FindOwnAsync(caller, passId, ct);
                if (values.PassTypeId != pass.PassTypeId)
                {
                    throw new DomainRuleException("trainingPassTypeId", "A subscription keeps its profile; create a new subscription for another profile.", values.PassTypeId.ToString(CultureInfo.InvariantCulture));
                }

                var previousContactId = pass.ContactId;
                var previousUntil = pass.ValidUntil;
                if (values.ContactId != pass.ContactId)
                {
                    var contact = await contacts.FindOwnAsync(caller, values.ContactId, "contactId", ct);
                    await EnsureMayHoldAsync(pass.PassType!, contact, ct);
                    pass.Reassign(contact, Now);
                }

                var from = values.ValidFrom ?? pass.ValidFrom;
                var until = values.ValidUntil
                    ?? (pass.Option ?? pass.PassType!.DefaultOption)?.ValidityPeriod.AddTo(from, "validFrom")
                    ?? throw new DomainRuleException("validUntil", "validUntil is required: this pass has no option whose period could give it.");
                pass.Reschedule(from, until, Now);
                pass.SetExternalId(values.ExternalId, Now);
                pass.SetTargetCompletion(values.TargetCompletion, Now);
                await db.SaveChangesAsync(ct);
                if (pass.ContactId != previousContactId)
                {
                    await PublishAsync(WebhookEventTypes.PassReassigned, pass, ct, previousContactId);
                }

                if (pass.ValidUntil != previousUntil)
                {
                    await PublishAsync(WebhookEventTypes.PassRenewed, pass, ct);
                }

                return pass;
            },
            cancellationToken);

    /// <summary>Queues the event with the change it reports; the same transaction commits both.</summary>
    private async Task PublishAsync(string type, Pass pass, CancellationToken ct, int? previousContactId = null)
    {
        var data = EventData.Pass(pass);
        if (previousContactId is { } previous)
        {
            data["previousContactId"] = previous;
        }

        // Every use case here has the holder loaded (issued to, found with, or reassigned to the pass).
        var organizationId = pass.Contact is { } holder && holder.Id == pass.ContactId
            ? holder.OrganizationId
            : await db.Contacts.Where(c => c.Id == pass.ContactId).Select(c => c.OrganizationId).FirstAsync(ct);
        await events.PublishAsync(type, organizationId, data, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A pass held inside the caller's subtree, tracked, with its type and the type's options loaded.</summary>
    public async Task<Pass> FindOwnAsync(Caller caller, int passId, CancellationToken cancellationToken)
    {
        await db.LockAsync<Pass>(passId, cancellationToken);
        var pass = await db.Passes
            .Include(p => p.Contact).ThenInclude(c => c!.Organization)
            .Include(p => p.PassType).ThenInclude(t => t!.Options)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == passId, cancellationToken);
        return pass is not null && caller.Owns(pass.Contact!.Organization!.Path)
            ? pass
            : throw new EntityNotFoundException("trainingPassId", "training pass", passId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The type, if the caller may issue it: one it can read (its own or an ancestor's), read with its options (untracked: issuing a pass does not change its type); and its owner's path.</summary>
    private async Task<(PassType Type, string OwnerPath)> ReadableTypeAsync(Caller caller, PassType? type, int typeId, CancellationToken cancellationToken)
    {
        if (type is not null)
        {
            var ownerPath = await paths.GetAsync(db, type.OrganizationId, cancellationToken);
            if (caller.Owns(ownerPath) || caller.AncestorAndSelfIds.Contains(type.OrganizationId))
            {
                return (type, ownerPath);
            }
        }

        throw new EntityNotFoundException("trainingPassTypeId", "training pass type", typeId.ToString(CultureInfo.InvariantCulture));
    }

    private static PassTypeOption NoSuchOption(int optionId) =>
        throw new EntityNotFoundException("trainingPassTypeOptionId", "option of this training pass type", optionId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A pass of a type can be held only by a contact inside the subtree of the type's owner.</summary>
    private async Task EnsureMayHoldAsync(PassType type, Contact contact, CancellationToken cancellationToken) =>
        EnsureMayHold(await paths.GetAsync(db, type.OrganizationId, cancellationToken), contact);

    private static void EnsureMayHold(string ownerPath, Contact contact)
    {
        if (!contact.Organization!.Path.StartsWith(ownerPath, StringComparison.Ordinal))
        {
            throw new DomainRuleException("contactId", "This contact is outside the organization that owns the training pass type, so cannot hold its passes.", contact.Id.ToString(CultureInfo.InvariantCulture));
        }
    }
}
