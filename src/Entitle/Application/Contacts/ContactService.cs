using System.Globalization;
using Entitle.Application.Organizations;
using Entitle.Domain.Contacts;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Contacts;

/// <summary>Creates and changes learners inside the caller's subtree.</summary>
public sealed class ContactService(EntitleDbContext db, OrganizationService organizations, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Contact> CreateAsync(Caller caller, ContactChanges changes, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var organization = await organizations.FindOwnAsync(caller, changes.OrganizationId ?? caller.OrganizationId, "accountId", ct);
                var contact = Contact.Create(organization.Id, changes.FirstName, changes.LastName, changes.Email, Now);
                contact.SetAccountDetails(changes.UserName, changes.ExternalId, changes.Disabled, Now);
                db.Contacts.Add(contact);
                await db.SaveChangesAsync(ct);
                return contact;
            },
            cancellationToken);

    public Task<Contact> UpdateAsync(Caller caller, int contactId, ContactChanges changes, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var contact = await FindOwnAsync(caller, contactId, "contactId", ct);
                if (changes.OrganizationId is { } organizationId)
                {
                    var organization = await organizations.FindOwnAsync(caller, organizationId, "accountId", ct);
                    contact.MoveTo(organization.Id, Now);
                }

                contact.Rename(changes.FirstName, changes.LastName, Now);
                if (changes.Email is not null)
                {
                    contact.ChangeEmail(changes.Email, Now);
                }

                contact.SetAccountDetails(changes.UserName, changes.ExternalId, changes.Disabled, Now);
                await db.SaveChangesAsync(ct);
                return contact;
            },
            cancellationToken);

    /// <summary>Deletes a learner who holds no passes; one who does keeps their history and is refused.</summary>
    public Task DeleteAsync(Caller caller, int contactId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var contact = await FindOwnAsync(caller, contactId, "contactId", ct);
                if (await db.Passes.AnyAsync(p => p.ContactId == contact.Id, ct) || await db.KeyRedemptions.AnyAsync(r => r.ContactId == contact.Id, ct))
                {
                    throw new Domain.DomainRuleException("contactId", "This learner holds passes, which keep their history; disable the learner instead.", contactId.ToString(CultureInfo.InvariantCulture));
                }

                db.Contacts.Remove(contact);
                await db.SaveChangesAsync(ct);
            },
            cancellationToken);

    /// <summary>A contact inside the caller's subtree, tracked for change, with its organization loaded.</summary>
    public async Task<Contact> FindOwnAsync(Caller caller, int contactId, string field, CancellationToken cancellationToken) =>
        Owned(caller, await db.ContactWithOrganizationAsync(contactId, cancellationToken), contactId, field);

    /// <summary>A contact read by another query (with its organization), if it is inside the caller's subtree.</summary>
    public static Contact Owned(Caller caller, Contact? contact, int contactId, string field) =>
        contact is not null && caller.Owns(contact.Organization!.Path)
            ? contact
            : throw new EntityNotFoundException(field, "contact", contactId.ToString(CultureInfo.InvariantCulture));
}
