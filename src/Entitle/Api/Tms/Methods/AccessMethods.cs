using System.Linq.Expressions;
using Entitle.Api.Tms.Records;
using Entitle.Application.Access;
using Entitle.Application.Usage;
using Entitle.Domain.Usage;

namespace Entitle.Api.Tms.Methods;

/// <summary>
/// Access decisions and usage: Entitle's CheckCourseAccess, and course assignments made under a subscription
/// (the vendor's CreateCourseAssignment with ClubMembershipId, and SearchCourseAssignments).
/// </summary>
public static class AccessMethods
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["contactId"] = "userId",
        ["contentId"] = "courseId",
        ["courseId"] = "courseId",
        ["trainingPassId"] = "ClubMembershipId",
    };

    private static readonly Dictionary<string, LambdaExpression> Sorts = new()
    {
        ["Start"] = Key(s => s.StartedAt),
        ["UserId"] = Key(s => s.ContactId),
        ["CourseId"] = Key(s => s.CourseTemplateId),
        ["ClubMembershipId"] = Key(s => s.PassId),
    };

    public static IEnumerable<TmsMethod> All() =>
    [
        new(["CheckCourseAccess"], "Entitle's addition: whether a user may start a course at an instant (now when omitted), and why.",
            [
                TmsParameter.Needed("userId", TmsType.Number, "The learner."),
                TmsParameter.Needed("courseId", TmsType.Number, "The course."),
                TmsParameter.Optional("at", TmsType.Epoch, "The instant asked about; now when omitted."),
            ],
            [
                new("HasAccess", "boolean", "Whether the user may start the course."),
                new("Reason", "string", "granted, no_pass, not_in_content, pass_not_started, pass_expired, pass_cancelled or content_not_published."),
                new("ClubMembershipIds", "array:integer", "Every subscription that grants the access, the one ending soonest first."),
            ],
            CheckAsync) { ParameterNames = Names, ChecksCredentialItself = true },
        new(["CreateCourseAssignment"], "Starts a course for a user under a subscription; refused with the access reason when access is denied. Answers lower-case status and error.",
            [
                TmsParameter.Needed("userId", TmsType.Number, "The learner."),
                TmsParameter.Needed("courseId", TmsType.Number, "The course."),
                TmsParameter.Optional("ClubMembershipId", TmsType.Number, "The subscription to record it under; the granting one that ends soonest when omitted."),
                TmsParameter.Optional("externalId", TmsType.Text, "The caller's own id for the assignment."),
            ],
            [new("CourseAssignmentId", "integer", "The new course assignment's id.")],
            CreateAsync) { Casing = TmsCasing.Lower, ParameterNames = Names },
        new(["SearchCourseAssignments"], "Searches the course assignments (courses started under subscriptions) of the caller's users.",
            [
                .. TmsSearch.Parameters(100, "Start", Sorts.Keys),
                TmsParameter.Optional("userId", TmsType.Number, "Only this user's assignments."),
                TmsParameter.Optional("courseId", TmsType.Number, "Only assignments of this course."),
                TmsParameter.Optional("ClubMembershipId", TmsType.Number, "Only assignments made under this subscription."),
                TmsParameter.Optional("startAfter", TmsType.Epoch, "Only assignments started after this time."),
                TmsParameter.Optional("startBefore", TmsType.Epoch, "Only assignments started before this time."),
            ],
            TmsSearch.Answer("CourseAssignmentRecord"), SearchAsync) { ParameterNames = Names },
    ];

    private static async Task<TmsAnswer> CheckAsync(TmsCall call)
    {
        // Asked on every course launch: the check's statement checks the credential too (ChecksCredentialItself).
        var access = await call.Service<AccessService>().DecideForCredentialAsync(
            call.Credential, call.RequiredNumber("userId"), call.RequiredNumber("courseId"), withPasses: false, call.Instant("at") ?? call.Now, call.CancellationToken)
            ?? throw new TmsRequestException(TmsEndpoint.InvalidKeyMessage, TmsStatus.InvalidIntegrationKey);
        var decision = access.Access.Decision;
        return TmsAnswer.With("HasAccess", decision.Granted).And("Reason", decision.ReasonCode).And("ClubMembershipIds", decision.GrantingPassIds);
    }

    private static async Task<TmsAnswer> CreateAsync(TmsCall call)
    {
        var start = await call.Service<UsageService>().StartCourseAsync(
            call.Caller, call.RequiredNumber("userId"), call.RequiredNumber("courseId"), call.Number("ClubMembershipId"), call.Text("externalId"), call.CancellationToken);
        return TmsAnswer.With("CourseAssignmentId", start.Id);
    }

    private static Task<TmsAnswer> SearchAsync(TmsCall call)
    {
        var query = call.Service<UsageQueries>().Visible(call.Caller);
        if (call.Number("userId") is { } userId)
        {
            query = query.Where(s => s.ContactId == userId);
        }

        if (call.Number("courseId") is { } courseId)
        {
            query = query.Where(s => s.CourseTemplateId == courseId);
        }

        if (call.Number("ClubMembershipId") is { } passId)
        {
            query = query.Where(s => s.PassId == passId);
        }

        if (call.Instant("startAfter") is { } after)
        {
            query = query.Where(s => s.StartedAt > after);
        }

        if (call.Instant("startBefore") is { } before)
        {
            query = query.Where(s => s.StartedAt < before);
        }

        return TmsSearch.PageAsync(call, query, Sorts, "Start", 100, s => s.Id, rows =>
            Task.FromResult((IReadOnlyList<CourseAssignmentRecord>)rows
                .Select(s => new CourseAssignmentRecord(s.Id, s.ExternalId, s.ContactId, s.CourseTemplateId, s.PassId, TmsTime.Seconds(s.StartedAt)))
                .ToList()));
    }

    private static Expression<Func<CourseStart, TKey>> Key<TKey>(Expression<Func<CourseStart, TKey>> key) => key;
}
