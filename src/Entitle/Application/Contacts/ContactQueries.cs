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
}
