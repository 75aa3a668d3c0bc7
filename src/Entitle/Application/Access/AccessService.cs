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
    public async Task<AccessDecision> DecideAsync(Caller caller, int contactId, ContentRef content, DateTime at, CancellationToken cancellationToken)
    {
        var subtree = db.SubtreeIds(caller);
        var ancestors = caller.AncestorAndSelfIds.ToArray();
        IQueryable<int> holdingTypes;
        IQueryable<LifecycleState> contentState;
        if (content.CourseTemplateId is { } courseId)
        {
            var pathsWithCourse = db.Set<LearningPathCourse>().Where(c => c.CourseTemplateId == courseId).Select(c => c.LearningPathId);
            holdingTypes = db.PassTypeContentItems
                .Where(i => i.CourseTemplateId == courseId || (i.LearningPathId != null && pathsWithCourse.Contains(i.LearningPathId.Value)))
                .Select(i => i.PassTypeId);
            contentState = db.CourseTemplates
                .Where(t => t.Id == courseId && (ancestors.Contains(t.OrganizationId) || subtree.Contains(t.OrganizationId)))
                .Select(t => t.LifecycleState);
        }
        else
        {
            var pathId = content.LearningPathId ?? throw new ArgumentException("No content given.", nameof(content));
            holdingTypes = db.PassTypeContentItems.Where(i => i.LearningPathId == pathId).Select(i => i.PassTypeId);
            contentState = db.LearningPaths
                .Where(p => p.Id == pathId && (ancestors.Contains(p.OrganizationId) || subtree.Contains(p.OrganizationId)))
                .Select(p => p.LifecycleState);
        }

        var facts = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId && subtree.Contains(c.OrganizationId))
            .Select(c => new
            {
                State = contentState.Select(s => (LifecycleState?)s).FirstOrDefault(),
                Passes = db.Passes.Where(p => p.ContactId == c.Id)
                    .Select(p => new PassFacts(p.Id, p.ValidFrom, p.ValidUntil, p.CancelledAt != null, holdingTypes.Contains(p.PassTypeId)))
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);

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
}
