using System.Globalization;
using Entitle.Domain;
using Entitle.Domain.Access;
using Entitle.Domain.Catalog;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Access;

/// <summary>
/// "May this learner start this content now?" One SQL statement gathers everything the decision needs (the
/// learner inside the caller's reach, the content's state, and for each of the learner's passes its dates and
/// whether its type holds the content, directly or through a learning path); the domain decides.
/// </summary>
public sealed class AccessService(EntitleDbContext db)
{
    /// <summary>
    /// The course question, asked on every course launch, compiled once: EF Core then skips rebuilding and hashing
    /// the expression tree per call (docs/benchmarks.md has the profile that showed the cost). The same statement
    /// as the learning path branch below, which is asked far less often. A compiled query keeps the plan of the
    /// first model it met, so each provider has its own. Visibility is tested on organization paths (the content's
    /// organization above or below the caller's) rather than with a list of ancestor ids: a list parameter makes EF
    /// Core generate the SQL afresh on every call. Whether a type holds the course is two lists, the types holding it
    /// directly and those holding a learning path with it, each found through its own index: one list with an OR
    /// inside made PostgreSQL scan every content item of every type on each check.
    /// </summary>
    private static readonly Func<EntitleDbContext, int, int, string, CancellationToken, Task<AccessFacts?>> SqliteCourseFacts = CompileCourseFacts();

    private static readonly Func<EntitleDbContext, int, int, string, CancellationToken, Task<AccessFacts?>> PostgresCourseFacts = CompileCourseFacts();

    private static Func<EntitleDbContext, int, int, string, CancellationToken, Task<AccessFacts?>> CompileCourseFacts() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int contactId, int courseId, string callerPath, CancellationToken ct) => db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId && db.Organizations.Where(o => o.Path.StartsWith(callerPath)).Select(o => o.Id).Contains(c.OrganizationId))
            .Select(c => new AccessFacts
            {
                State = db.CourseTemplates
                    .Where(t => t.Id == courseId && db.Organizations.Any(o => o.Id == t.OrganizationId && (o.Path.StartsWith(callerPath) || callerPath.StartsWith(o.Path))))
                    .Select(t => (LifecycleState?)t.LifecycleState)
                    .FirstOrDefault(),
                Passes = db.Passes.Where(p => p.ContactId == c.Id)
                    .Select(p => new PassFacts(
                        p.Id,
                        p.ValidFrom,
                        p.ValidUntil,
                        p.CancelledAt != null,
                        db.PassTypeContentItems.Where(i => i.CourseTemplateId == courseId).Select(i => i.PassTypeId).Contains(p.PassTypeId)
                            || db.Set<LearningPathCourse>().Where(lc => lc.CourseTemplateId == courseId)
                                .Join(db.PassTypeContentItems, lc => (int?)lc.LearningPathId, i => i.LearningPathId, (lc, i) => i.PassTypeId)
                                .Contains(p.PassTypeId)))
                    .ToList(),
            })
            .FirstOrDefault());

    public async Task<AccessDecision> DecideAsync(Caller caller, int contactId, ContentRef content, DateTime at, CancellationToken cancellationToken)
    {
        if (content.CourseTemplateId is { } course)
        {
            var facts = await (db.Provider == DatabaseProvider.Postgres ? PostgresCourseFacts : SqliteCourseFacts)(db, contactId, course, caller.OrganizationPath, cancellationToken);
            return Decide(facts, content, contactId, at);
        }

        return await DecideForPathAsync(caller, contactId, content, at, cancellationToken);
    }

    private static AccessDecision Decide(AccessFacts? facts, ContentRef content, int contactId, DateTime at)
    {
        if (facts is null)
        {
            throw new EntityNotFoundException("contactId", "contact", contactId.ToString(CultureInfo.InvariantCulture));
        }

        if (facts.State is not { } state)
        {
            var what = content.CourseTemplateId is null ? "learning path" : "course template";
            throw new EntityNotFoundException("contentId", what, (content.CourseTemplateId ?? content.LearningPathId)?.ToString(CultureInfo.InvariantCulture));
        }

        return AccessDecision.Decide(facts.Passes, at, state == LifecycleState.Published);
    }

    private async Task<AccessDecision> DecideForPathAsync(Caller caller, int contactId, ContentRef content, DateTime at, CancellationToken cancellationToken)
    {
        var subtree = db.SubtreeIds(caller);
        var callerPath = caller.OrganizationPath;
        var pathId = content.LearningPathId ?? throw new ArgumentException("No content given.", nameof(content));
        var holdingTypes = db.PassTypeContentItems.Where(i => i.LearningPathId == pathId).Select(i => i.PassTypeId);
        var contentState = db.LearningPaths
            .Where(p => p.Id == pathId && db.Organizations.Any(o => o.Id == p.OrganizationId && (o.Path.StartsWith(callerPath) || callerPath.StartsWith(o.Path))))
            .Select(p => p.LifecycleState);
        var facts = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId && subtree.Contains(c.OrganizationId))
            .Select(c => new AccessFacts
            {
                State = contentState.Select(s => (LifecycleState?)s).FirstOrDefault(),
                Passes = db.Passes.Where(p => p.ContactId == c.Id)
                    .Select(p => new PassFacts(p.Id, p.ValidFrom, p.ValidUntil, p.CancelledAt != null, holdingTypes.Contains(p.PassTypeId)))
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return Decide(facts, content, contactId, at);
    }
}
