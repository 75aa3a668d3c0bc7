using System.Data.Common;
using System.Globalization;
using Entitle.Application.Organizations;
using Entitle.Domain;
using Entitle.Domain.Access;
using Entitle.Domain.Passes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Access;

/// <summary>
/// "May this learner start this content now?" One SQL statement gathers everything the decision needs (the
/// learner inside the caller's reach, the content's state, and for each of the learner's passes its dates and
/// whether its type holds the content, directly or through a learning path); the domain decides.
/// </summary>
public sealed class AccessService(EntitleDbContext db, CredentialAuthenticator authenticator)
{
    /// <summary>
    /// The course question, asked on every course launch: SQL written by hand (see <see cref="HandWrittenSql{TResult}"/>),
    /// one row per pass of the learner (one row with no pass when they hold none, none when the learner is outside the
    /// caller's reach). Visibility is tested on organization paths: the learner's organization at or below the
    /// caller's, the course's above or below it. Whether a pass's type holds the course is two probes of the pass's
    /// type, each through its own index: does the type hold the course directly ((course, type)), and does it hold a
    /// learning path the course is in ((type, path)). One test with an OR inside made PostgreSQL scan every content
    /// item on each check; lists of the types holding the course, built once per check, were estimated differently
    /// for each course, so that PostgreSQL planned the statement afresh on every run (0.55 ms of planning for 0.25 ms
    /// of work on the large data set); the probes are estimated the same whatever the course, so the plan is kept.
    /// The learning path branch below, asked far less often, asks the same in LINQ.
    /// </summary>
    private static readonly HandWrittenSql<AccessFacts?> CourseFacts = ForCaller("");

    /// <summary>The same with every column of each pass, so that the passes that grant access can be named whole (GraphQL's <c>grantingPasses</c>).</summary>
    private static readonly HandWrittenSql<AccessFacts?> CourseFactsWithPasses = ForCaller(PassColumns);

    /// <summary>
    /// The same question with the presented credential checked by the statement itself (the caller's path is the
    /// live credential's organization's): the whole course launch is one round trip to the database. No row means the
    /// credential is unknown or revoked, or the learner is outside its reach.
    /// </summary>
    private static readonly HandWrittenSql<AccessFacts?> CourseFactsForCredential = ForCredential("");

    private static readonly HandWrittenSql<AccessFacts?> CourseFactsForCredentialWithPasses = ForCredential(PassColumns);

    private const string PassColumns = ", p.pass_type_id, p.option_id, p.contact_id, p.external_id, p.target_completion, p.created_at, p.updated_at, p.expiring_notified_for, p.expired_notified_for, p.cancelled_at";

    private static HandWrittenSql<AccessFacts?> ForCaller(string passColumns) => new(
        $"""
        SELECT {Columns(passColumns)}
        FROM contacts c
        JOIN organizations co ON co.id = c.organization_id
        {CourseAndPasses("@caller")}
        WHERE c.id = @contact AND substr(co.path, 1, length(@caller)) = @caller
        """,
        [("contact", typeof(int)), ("course", typeof(int)), ("caller", typeof(string))],
        (reader, ct) => ReadCourseFactsAsync(reader, credential: false, withPasses: passColumns.Length > 0, ct));

    private static HandWrittenSql<AccessFacts?> ForCredential(string passColumns) => new(
        $"""
        SELECT k.organization_id, caller.path, k.id, {Columns(passColumns)}
        FROM credentials k
        JOIN organizations caller ON caller.id = k.organization_id
        JOIN contacts c ON c.id = @contact
        JOIN organizations co ON co.id = c.organization_id AND substr(co.path, 1, length(caller.path)) = caller.path
        {CourseAndPasses("caller.path")}
        WHERE k.secret_hash = @hash AND k.revoked_at IS NULL
        """,
        [("hash", typeof(string)), ("contact", typeof(int)), ("course", typeof(int))],
        (reader, ct) => ReadCourseFactsAsync(reader, credential: true, withPasses: passColumns.Length > 0, ct));

    private static string Columns(string passColumns) =>
        $"""
        t.lifecycle_state, p.id, p.valid_from, p.valid_until, p.cancelled_at IS NOT NULL,
               EXISTS (SELECT 1 FROM pass_type_content_items i WHERE i.course_template_id = @course AND i.pass_type_id = p.pass_type_id)
               OR EXISTS (SELECT 1 FROM pass_type_content_items i
                          WHERE i.pass_type_id = p.pass_type_id
                            AND i.learning_path_id IN (SELECT lc.learning_path_id FROM learning_path_course lc WHERE lc.course_template_id = @course)){passColumns}
        """;

    /// <summary>The course, if visible from the caller's path (a parameter, or the credential's organization's column), and the learner's passes.</summary>
    private static string CourseAndPasses(string callerPath) =>
        $"""
        LEFT JOIN course_templates t ON t.id = @course
             AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = t.organization_id
                         AND (substr(o.path, 1, length({callerPath})) = {callerPath} OR substr({callerPath}, 1, length(o.path)) = o.path))
        LEFT JOIN passes p ON p.contact_id = c.id
        """;

    /// <summary>The rows of a course check; with the credential's three columns first when the statement checked it.</summary>
    private static async Task<AccessFacts?> ReadCourseFactsAsync(DbDataReader reader, bool credential, bool withPasses, CancellationToken cancellationToken)
    {
        AccessFacts? facts = null;
        var at = credential ? 3 : 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            facts ??= new AccessFacts
            {
                Credential = credential ? new CredentialMatch(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)) : null,
                State = reader.IsDBNull(at) ? null : Enum.Parse<LifecycleState>(reader.GetString(at), ignoreCase: true),
                StoredPasses = withPasses ? [] : null,
            };
            if (!reader.IsDBNull(at + 1))
            {
                var id = reader.GetInt32(at + 1);
                var validFrom = StoredValues.Instant(reader, at + 2)!.Value;
                var validUntil = StoredValues.Instant(reader, at + 3)!.Value;
                facts.Passes.Add(new PassFacts(id, validFrom, validUntil, reader.GetBoolean(at + 4), reader.GetBoolean(at + 5)));
                facts.StoredPasses?.Add(id, Pass.Restore(
                    id,
                    reader.GetInt32(at + 6),
                    reader.IsDBNull(at + 7) ? null : reader.GetInt32(at + 7),
                    reader.GetInt32(at + 8),
                    validFrom,
                    validUntil,
                    StoredValues.Instant(reader, at + 15),
                    reader.IsDBNull(at + 9) ? null : reader.GetString(at + 9),
                    StoredValues.Instant(reader, at + 10),
                    StoredValues.Instant(reader, at + 11)!.Value,
                    StoredValues.Instant(reader, at + 12)!.Value,
                    StoredValues.Instant(reader, at + 13),
                    StoredValues.Instant(reader, at + 14)));
            }
        }

        return facts;
    }

    /// <summary>An instant as stored: PostgreSQL gives it in UTC, SQLite as text without a kind.</summary>
    public async Task<AccessDecision> DecideAsync(Caller caller, int contactId, ContentRef content, DateTime at, CancellationToken cancellationToken)
    {
        if (content.CourseTemplateId is { } course)
        {
            var facts = await CourseFacts.RunAsync(db, new Dictionary<string, object?> { ["contact"] = contactId, ["course"] = course, ["caller"] = caller.OrganizationPath }, cancellationToken);
            return Decide(facts, content, contactId, at);
        }

        return await DecideForPathAsync(caller, contactId, content, at, cancellationToken);
    }

    /// <summary>The same decision, with the learner's passes as the check read them when it read them whole (a course), for an answer that names the granting passes.</summary>
    public async Task<ContentAccess> DecideWithPassesAsync(Caller caller, int contactId, ContentRef content, DateTime at, CancellationToken cancellationToken)
    {
        if (content.CourseTemplateId is { } course)
        {
            var facts = await CourseFactsWithPasses.RunAsync(db, new Dictionary<string, object?> { ["contact"] = contactId, ["course"] = course, ["caller"] = caller.OrganizationPath }, cancellationToken);
            return new ContentAccess(Decide(facts, content, contactId, at), facts!.StoredPasses);
        }

        return new ContentAccess(await DecideForPathAsync(caller, contactId, content, at, cancellationToken), null);
    }

    /// <summary>
    /// The course decision for a presented credential, checked by the decision's own statement: null when the
    /// credential is unknown or revoked (then nothing is decided). The caller it stands for becomes the request's
    /// actor, as after the credential lookup. When no row comes back, the lookup alone tells an unknown credential
    /// from a learner outside its reach: a second statement on that path only.
    /// </summary>
    public async Task<CredentialedAccess?> DecideForCredentialAsync(PresentedCredential credential, int contactId, int courseId, bool withPasses, DateTime at, CancellationToken cancellationToken)
    {
        var statement = withPasses ? CourseFactsForCredentialWithPasses : CourseFactsForCredential;
        var facts = await statement.RunAsync(db, new Dictionary<string, object?> { ["hash"] = credential.Hash, ["contact"] = contactId, ["course"] = courseId }, cancellationToken);
        var caller = facts?.Credential is { } found ? authenticator.Accept(found) : await authenticator.FindCallerAsync(credential, cancellationToken);
        return caller is null ? null : new CredentialedAccess(caller, new ContentAccess(Decide(facts, ContentRef.Course(courseId), contactId, at), facts?.StoredPasses));
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
