using Entitle.Domain.Organizations;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Organizations;

public sealed class OrganizationQueries(EntitleDbContext db)
{
    /// <summary>Organizations inside the caller's subtree; ancestors stay hidden.</summary>
    public IQueryable<Organization> Visible(Caller caller) =>
        db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(caller.OrganizationPath));

    public async Task<IReadOnlyDictionary<int, Organization>> GetByIdsAsync(Caller caller, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await Visible(caller).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
}
