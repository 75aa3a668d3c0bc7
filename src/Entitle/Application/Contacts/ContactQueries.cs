using Entitle.Domain.Contacts;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Contacts;

public sealed class ContactQueries(EntitleDbContext db)
{
    public IQueryable<Contact> Visible(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        return db.Contacts.AsNoTracking().Where(c => subtree.Contains(c.OrganizationId));
    }

    public async Task<IReadOnlyDictionary<int, Contact>> GetByIdsAsync(Caller caller, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Visible(caller).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

    /// <summary>The id of the visible contact with this email, case ignored (the lowest id if several share it); null when none.</summary>
    public async Task<int?> FindIdByEmailAsync(Caller caller, string? email, CancellationToken cancellationToken)
    {
        var wanted = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

#pragma warning disable CA1862 // ToLower translates to SQL lower() on both databases; StringComparison overloads do not translate.
        return await Visible(caller).Where(c => c.Email != null && c.Email.ToLower() == wanted)
#pragma warning restore CA1862
            .OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
