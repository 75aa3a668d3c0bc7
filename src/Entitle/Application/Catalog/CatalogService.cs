using System.Globalization;
using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Domain.Organizations;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Catalog;

/// <summary>Creates and changes courses, learning paths and regions.</summary>
public sealed class CatalogService(EntitleDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<CourseTemplate> CreateCourseTemplateAsync(Caller caller, string? code, string? title, string? description, LifecycleState? state, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var course = CourseTemplate.Create(caller.OrganizationId, code, title, description, Now);
                if (state is { } target)
                {
                    course.Update(null, null, null, target, Now);
                }

                db.CourseTemplates.Add(course);
                await db.SaveChangesAsync(ct);
                return course;
            },
            cancellationToken);

    public Task<CourseTemplate> UpdateCourseTemplateAsync(Caller caller, int id, string? code, string? title, string? description, LifecycleState? state, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var course = await db.CourseTemplates.FirstOrDefaultAsync(c => c.Id == id, ct);
                await db.EnsureOwnedAsync(caller, course?.OrganizationId, "courseTemplateId", "course template", id, ct);
                course!.Update(code, title, description, state, Now);
                await db.SaveChangesAsync(ct);
                return course;
            },
            cancellationToken);

    public Task<LearningPath> CreateLearningPathAsync(Caller caller, string? code, string? name, string? description, IReadOnlyList<int>? courseIds, LifecycleState? state, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var path = LearningPath.Create(caller.OrganizationId, code, name, description, Now);
                if (courseIds is not null)
                {
                    await EnsureCoursesVisibleFromAsync(caller.OrganizationPath, courseIds, ct);
                    path.SetCourses(courseIds, Now);
                }

                if (state is { } target)
                {
                    path.Update(null, null, null, target, Now);
                }

                db.LearningPaths.Add(path);
                await db.SaveChangesAsync(ct);
                return path;
            },
            cancellationToken);

    public Task<LearningPath> UpdateLearningPathAsync(Caller caller, int id, string? code, string? name, string? description, IReadOnlyList<int>? courseIds, LifecycleState? state, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var path = await db.LearningPaths.Include(p => p.Courses).FirstOrDefaultAsync(p => p.Id == id, ct);
                var ownerPath = await db.EnsureOwnedAsync(caller, path?.OrganizationId, "learningPathId", "learning path", id, ct);
                path!.Update(code, name, description, state, Now);
                if (courseIds is not null)
                {
                    await EnsureCoursesVisibleFromAsync(ownerPath, courseIds, ct);
                    path.SetCourses(courseIds, Now);
                }

                await db.SaveChangesAsync(ct);
                return path;
            },
            cancellationToken);

    public Task<Region> CreateRegionAsync(Caller caller, string? code, string? name, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                if (!caller.IsRoot)
                {
                    throw new DomainRuleException("code", "Regions are installation-wide; only the root organization can create them.", code);
                }

                var region = Region.Create(code, name);
                if (await db.Regions.AnyAsync(r => r.Code == region.Code, ct))
                {
                    throw new DomainRuleException("code", $"A region with code {region.Code} already exists.", region.Code);
                }

                db.Regions.Add(region);
                await db.SaveChangesAsync(ct);
                return region;
            },
            cancellationToken);

    /// <summary>
    /// Content must be readable from where it is used: owned by <paramref name="ownerPath"/>'s organization or
    /// one of its ancestors. Anything else reads as unknown.
    /// </summary>
    public async Task EnsureCoursesVisibleFromAsync(string ownerPath, IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken)
    {
        var owners = Organization.IdsOnPath(ownerPath);
        var found = await db.CourseTemplates.Where(c => courseIds.Contains(c.Id) && owners.Contains(c.OrganizationId)).Select(c => c.Id).ToListAsync(cancellationToken);
        var missing = courseIds.FirstOrDefault(id => !found.Contains(id), -1);
        if (missing != -1)
        {
            throw new EntityNotFoundException("courseIds", "course template", missing.ToString(CultureInfo.InvariantCulture));
        }
    }

    public async Task EnsurePathsVisibleFromAsync(string ownerPath, IReadOnlyCollection<int> pathIds, CancellationToken cancellationToken)
    {
        var owners = Organization.IdsOnPath(ownerPath);
        var found = await db.LearningPaths.Where(p => pathIds.Contains(p.Id) && owners.Contains(p.OrganizationId)).Select(p => p.Id).ToListAsync(cancellationToken);
        var missing = pathIds.FirstOrDefault(id => !found.Contains(id), -1);
        if (missing != -1)
        {
            throw new EntityNotFoundException("pathIds", "learning path", missing.ToString(CultureInfo.InvariantCulture));
        }
    }
}
