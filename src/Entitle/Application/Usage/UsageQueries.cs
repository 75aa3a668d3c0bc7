using Entitle.Domain.Usage;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Usage;

public sealed class UsageQueries(EntitleDbContext db)
{
    /// <summary>Course starts of learners inside the caller's subtree.</summary>
    public IQueryable<CourseStart> Visible(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        var contacts = db.Contacts.Where(c => subtree.Contains(c.OrganizationId)).Select(c => c.Id);
        return db.CourseStarts.AsNoTracking().Where(s => contacts.Contains(s.ContactId));
    }

    public async Task<ILookup<int, CourseStart>> GetByPassesAsync(IReadOnlyCollection<int> passIds, CancellationToken cancellationToken) =>
        (await db.CourseStarts.AsNoTracking().Where(s => passIds.Contains(s.PassId)).OrderBy(s => s.Id).ToListAsync(cancellationToken))
        .ToLookup(s => s.PassId);
}
