using Entitle.Domain.Keys;
using Entitle.Persistence;

namespace Entitle.Application.Keys;

public sealed class TrainingKeyQueries(EntitleDbContext db)
{
    /// <summary>Keys owned inside the caller's subtree.</summary>
    public IQueryable<TrainingKey> Visible(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        return db.TrainingKeys.Where(k => subtree.Contains(k.OrganizationId));
    }
}
