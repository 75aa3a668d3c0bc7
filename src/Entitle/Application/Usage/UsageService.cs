using System.Globalization;
using Entitle.Application.Access;
using Entitle.Application.Webhooks;
using Entitle.Domain;
using Entitle.Domain.Access;
using Entitle.Domain.Usage;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Usage;

/// <summary>Records learners starting courses under the passes that grant them.</summary>
public sealed class UsageService(EntitleDbContext db, AccessService access, WebhookPublisher events, TimeProvider clock)
{
    /// <summary>
    /// Starts a course when access is granted, under <paramref name="passId"/> when given (it must be one of the
    /// granting passes), else under the granting pass that ends soonest. The chosen pass is touched in the same
    /// transaction, so a concurrent revocation either comes first (and the start is refused) or after.
    /// </summary>
    public Task<CourseStart> StartCourseAsync(Caller caller, int contactId, int courseId, int? passId, string? externalId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var decision = await access.DecideAsync(caller, contactId, ContentRef.Course(courseId), now, ct);
                if (!decision.Granted)
                {
                    throw new AccessDeniedException(decision.Reason, "courseId", courseId.ToString(CultureInfo.InvariantCulture));
                }

                var chosen = passId ?? decision.GrantingPassIds[0];
                if (!decision.GrantingPassIds.Contains(chosen))
                {
                    throw new DomainRuleException("trainingPassId", "This pass does not grant this course to this learner now.", chosen.ToString(CultureInfo.InvariantCulture));
                }

                var stillValid = await db.Passes
                    .Where(p => p.Id == chosen && p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<int>(p, VersionedEntities.PropertyName), p => EF.Property<int>(p, VersionedEntities.PropertyName) + 1), ct);
                if (stillValid == 0)
                {
                    throw new DbUpdateConcurrencyException("The granting pass changed while the course was being started.");
                }

                var start = CourseStart.Record(chosen, contactId, courseId, externalId, now);
                db.CourseStarts.Add(start);
                await db.SaveChangesAsync(ct);
                var organizationId = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.OrganizationId).FirstAsync(ct);
                var data = new System.Text.Json.Nodes.JsonObject { ["courseStartId"] = start.Id, ["passId"] = chosen, ["contactId"] = contactId, ["courseTemplateId"] = courseId };
                await events.PublishAsync(WebhookEventTypes.CourseStarted, organizationId, data, ct);
                await db.SaveChangesAsync(ct);
                return start;
            },
            cancellationToken);
}
