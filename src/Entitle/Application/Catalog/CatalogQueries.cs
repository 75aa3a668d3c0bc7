using Entitle.Domain.Catalog;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Catalog;

/// <summary>Courses and learning paths a caller may read: its subtree's and its ancestors'.</summary>
public sealed class CatalogQueries(EntitleDbContext db)
{
    public IQueryable<CourseTemplate> CourseTemplates(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        var ancestors = caller.AncestorAndSelfIds.ToArray();
        return db.CourseTemplates.AsNoTracking().Where(c => ancestors.Contains(c.OrganizationId) || subtree.Contains(c.OrganizationId));
    }

    public IQueryable<LearningPath> LearningPaths(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        var ancestors = caller.AncestorAndSelfIds.ToArray();
        return db.LearningPaths.AsNoTracking().Where(p => ancestors.Contains(p.OrganizationId) || subtree.Contains(p.OrganizationId));
    }

    public IQueryable<Region> Regions() => db.Regions.AsNoTracking();

    // A page of pass types shows about a thousand courses; the ids go as one parameter, as every list does
    // (PersistenceSetup: with one parameter each, the baseline of W2 on SQLite fell from 211 to 44 answers a second).
    public async Task<IReadOnlyDictionary<int, CourseTemplate>> GetCourseTemplatesByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToArray();
        return await db.CourseTemplates.AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<int, LearningPath>> GetLearningPathsByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToArray();
        return await db.LearningPaths.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Region>> GetRegionsByCodesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, cancellationToken);

    /// <summary>The courses of each path, in the path's order.</summary>
    public async Task<ILookup<int, CourseTemplate>> GetPathCoursesAsync(IReadOnlyCollection<int> pathIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<LearningPathCourse>().AsNoTracking()
            .Where(c => pathIds.Contains(c.LearningPathId))
            .OrderBy(c => c.LearningPathId).ThenBy(c => c.Position)
            .Select(c => new { c.LearningPathId, c.CourseTemplate })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.LearningPathId, r => r.CourseTemplate!);
    }
}
