using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Learning;

/// <summary>What the learner portal shows one learner: their passes, and the courses those open now.</summary>
public sealed class LearnerQueries(EntitleDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<LearnerPass>> PassesAsync(int contactId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var passes = await db.Passes.AsNoTracking()
            .Where(p => p.ContactId == contactId)
            .OrderByDescending(p => p.ValidUntil).ThenByDescending(p => p.Id)
            .Select(p => new { Pass = p, TypeName = p.PassType!.Name, OptionName = p.Option == null ? null : p.Option.Name })
            .ToListAsync(cancellationToken);
        return passes.Select(p => new LearnerPass(p.Pass.Id, p.TypeName, p.OptionName, p.Pass.ValidFrom, p.Pass.ValidUntil, p.Pass.StateAt(now))).ToList();
    }

    /// <summary>The courses of the pass types of the learner's passes valid now: listed directly, or through a learning path.</summary>
    public async Task<IReadOnlyList<LearnerCourse>> CoursesAsync(int contactId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var types = await db.Passes.AsNoTracking()
            .Where(p => p.ContactId == contactId && p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil)
            .Select(p => new { p.PassTypeId, p.PassType!.Name })
            .Distinct()
            .ToListAsync(cancellationToken);
        var typeIds = types.Select(t => t.PassTypeId).ToList();
        var items = await db.PassTypeContentItems.AsNoTracking().Where(i => typeIds.Contains(i.PassTypeId)).ToListAsync(cancellationToken);
        var pathIds = items.Where(i => i.LearningPathId is not null).Select(i => i.LearningPathId!.Value).Distinct().ToList();
        var paths = await db.LearningPaths.AsNoTracking().Include(l => l.Courses).Where(l => pathIds.Contains(l.Id)).ToListAsync(cancellationToken);
        var pathCourses = paths.SelectMany(l => l.Courses.Select(c => new { PathId = l.Id, c.CourseTemplateId })).ToList();

        var openedBy = new Dictionary<int, SortedSet<string>>();
        foreach (var item in items)
        {
            var typeName = types.First(t => t.PassTypeId == item.PassTypeId).Name;
            var courseIds = item.CourseTemplateId is { } course ? [course] : pathCourses.Where(c => c.PathId == item.LearningPathId).Select(c => c.CourseTemplateId);
            foreach (var id in courseIds)
            {
                (openedBy.TryGetValue(id, out var names) ? names : openedBy[id] = new SortedSet<string>(StringComparer.Ordinal)).Add(typeName);
            }
        }

        var ids = openedBy.Keys.ToList();
        var courses = await db.CourseTemplates.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Title).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return courses.Select(c => new LearnerCourse(c.Id, c.Code, c.Title, [.. openedBy[c.Id]])).ToList();
    }
}
