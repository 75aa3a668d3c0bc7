using Entitle.Domain.Passes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Passes;

/// <summary>Passes a caller may see: those held by contacts inside its subtree.</summary>
public sealed class PassQueries(EntitleDbContext db)
{
    public IQueryable<Pass> Visible(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        return db.Passes.AsNoTracking().Where(p => subtree.Contains(p.Contact!.OrganizationId));
    }

    /// <summary>The visible passes among <paramref name="ids"/>; no statement when there are none to look for (an access refused names no pass).</summary>
    public async Task<IReadOnlyDictionary<int, Pass>> GetByIdsAsync(Caller caller, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? new Dictionary<int, Pass>()
            : await Visible(caller).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
}
