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

    // A page of pass types shows about a thousand courses, so they are read by hand (HandWrittenSql): EF Core's
    // materializer, and on PostgreSQL its buffered copy of every row for the retry strategy, cost more than the
    // statement. The ids go as one parameter, as every list does (PersistenceSetup: with one parameter each, the
    // baseline of W2 on SQLite fell from 211 to 44 answers a second).
    private static readonly HandWrittenSql<Dictionary<int, CourseTemplate>> SqliteCourses = Courses("IN (SELECT value FROM json_each(@ids))");

    private static readonly HandWrittenSql<Dictionary<int, CourseTemplate>> PostgresCourses = Courses("= ANY(@ids)");

    private static readonly HandWrittenSql<Dictionary<int, LearningPath>> SqlitePaths = Paths("IN (SELECT value FROM json_each(@ids))");

    private static readonly HandWrittenSql<Dictionary<int, LearningPath>> PostgresPaths = Paths("= ANY(@ids)");

    private static HandWrittenSql<Dictionary<int, CourseTemplate>> Courses(string inIds) => new(
        $"SELECT c.id, c.code, c.created_at, c.description, c.lifecycle_state, c.organization_id, c.title, c.updated_at FROM course_templates c WHERE c.id {inIds}",
        [("ids", typeof(int[]))],
        async (reader, ct) =>
        {
            var courses = new Dictionary<int, CourseTemplate>();
            while (await reader.ReadAsync(ct))
            {
                var course = CourseTemplate.Restore(
                    reader.GetInt32(0), reader.GetInt32(5), reader.GetString(1), reader.GetString(6), StoredValues.Text(reader, 3),
                    StoredValues.State(reader, 4), StoredValues.RequiredInstant(reader, 2), StoredValues.RequiredInstant(reader, 7));
                courses[course.Id] = course;
            }

            return courses;
        });

    private static HandWrittenSql<Dictionary<int, LearningPath>> Paths(string inIds) => new(
        $"SELECT l.id, l.code, l.created_at, l.description, l.lifecycle_state, l.name, l.organization_id, l.updated_at FROM learning_paths l WHERE l.id {inIds}",
        [("ids", typeof(int[]))],
        async (reader, ct) =>
        {
            var paths = new Dictionary<int, LearningPath>();
            while (await reader.ReadAsync(ct))
            {
                var path = LearningPath.Restore(
                    reader.GetInt32(0), reader.GetInt32(6), reader.GetString(1), reader.GetString(5), StoredValues.Text(reader, 3),
                    StoredValues.State(reader, 4), StoredValues.RequiredInstant(reader, 2), StoredValues.RequiredInstant(reader, 7));
                paths[path.Id] = path;
            }

            return paths;
        });
    public async Task<IReadOnlyDictionary<int, CourseTemplate>> GetCourseTemplatesByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? new Dictionary<int, CourseTemplate>()
            : await (db.Provider == DatabaseProvider.Postgres ? PostgresCourses : SqliteCourses).RunAsync(db, new Dictionary<string, object?> { ["ids"] = ids.ToArray() }, cancellationToken);

    public async Task<IReadOnlyDictionary<int, LearningPath>> GetLearningPathsByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? new Dictionary<int, LearningPath>()
            : await (db.Provider == DatabaseProvider.Postgres ? PostgresPaths : SqlitePaths).RunAsync(db, new Dictionary<string, object?> { ["ids"] = ids.ToArray() }, cancellationToken);

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
