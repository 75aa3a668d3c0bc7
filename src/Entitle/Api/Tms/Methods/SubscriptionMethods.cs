using System.Globalization;
using System.Linq.Expressions;
using Entitle.Api.Tms.Records;
using Entitle.Application;
using Entitle.Application.Passes;
using Entitle.Domain.Passes;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.Tms.Methods;

/// <summary>
/// Subscriptions (ClubMemberships): passes seen through TMS's eyes. Every vendor name and its newer
/// "Subscription" alias are served by the same handler.
/// </summary>
public static class SubscriptionMethods
{
    private const string RecordSchema = "ClubMembershipRecord";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["trainingPassTypeId"] = "clubId",
        ["trainingPassTypeOptionId"] = "clubId",
        ["contactId"] = "userId",
        ["validFrom"] = "starts",
        ["validUntil"] = "expires",
        ["trainingPassId"] = "id",
    };

    private static readonly Dictionary<string, LambdaExpression> Sorts = new()
    {
        ["UserId"] = Key(p => p.ContactId),
        ["ExternalUserId"] = Key(p => p.Contact!.ExternalId),
        ["Subscription"] = Key(p => p.PassType!.Name),
        ["Starts"] = Key(p => p.ValidFrom),
        ["Expires"] = Key(p => p.ValidUntil),
        ["TargetCompletion"] = Key(p => p.TargetCompletion),
        ["Created"] = Key(p => p.CreatedAt),
        ["LastModified"] = Key(p => p.UpdatedAt),
    };

    private static readonly TmsParameter[] Writable =
    [
        TmsParameter.Optional("externalId", TmsType.Text, "The caller's own id for the subscription."),
        TmsParameter.Needed("clubId", TmsType.Number, "The subscription profile (pass type); it must be enabled (published)."),
        TmsParameter.Needed("userId", TmsType.Number, "The learner."),
        TmsParameter.Needed("starts", TmsType.Epoch, "When access starts."),
        TmsParameter.Optional("expires", TmsType.Epoch, "When access ends (exclusive); starts plus the profile's duration when omitted."),
        TmsParameter.Optional("targetCompletion", TmsType.Epoch, "A target date for finishing; informative only."),
    ];

    public static IEnumerable<TmsMethod> All() =>
    [
        new(["CreateClubMembership", "CreateSubscription"], "Creates a subscription: assigns a subscription profile to a learner.", Writable,
            [new("ClubMembershipId", "integer", "The new subscription's id.")], CreateAsync)
        {
            ParameterNames = Names,
            ChecksCredentialItself = true,
        },
        new(["GetClubMembership", "GetSubscription"], "Returns one subscription by id, in a Results array.",
            [TmsParameter.Needed("id", TmsType.Number, "The subscription's id.")],
            [new("Results", $"array:{RecordSchema}", "The subscription; empty when not found.")], GetAsync)
        {
            ParameterNames = Names,
            FailureAnswer = EmptyResults,
        },
        new(["GetClubMembershipByExternalId", "GetSubscriptionByExternalId"], "Returns the subscriptions with this external id, in a Results array.",
            [TmsParameter.Needed("id", TmsType.Text, "The external id.")],
            [new("Results", $"array:{RecordSchema}", "The subscriptions; empty when none.")], GetByExternalIdAsync)
        {
            ParameterNames = Names,
            FailureAnswer = EmptyResults,
        },
        new(["UpdateClubMembership", "UpdateSubscription"], "Overwrites a subscription's learner, dates, external id and target date; answers lower-case status and error.",
            [TmsParameter.Needed("id", TmsType.Number, "The subscription's id."), .. Writable], [], UpdateAsync)
        {
            Casing = TmsCasing.Lower,
            ParameterNames = Names,
        },
        new(["DeleteClubMembership", "DeleteSubscription"], "Ends a subscription at once: it is cancelled (revoked), and stays readable with Cancelled true.",
            [TmsParameter.Needed("id", TmsType.Number, "The subscription's id.")], [], DeleteAsync)
        {
            ParameterNames = Names,
        },
        new(["SearchSubscriptions", "SearchClubMemberships"], "Searches the caller's subscriptions.",
            [
                .. TmsSearch.Parameters(100, "Created", Sorts.Keys),
                TmsParameter.Optional("userId", TmsType.Number, "Only this learner's subscriptions."),
                TmsParameter.Optional("userExternalId", TmsType.Text, "Only the subscriptions of the learner with this external id."),
                TmsParameter.Optional("subscriptionId", TmsType.Number, "Only subscriptions of this subscription profile (clubId)."),
                TmsParameter.Optional("clubId", TmsType.Number, "The same as subscriptionId."),
                TmsParameter.Optional("createdAfter", TmsType.Epoch, "Only subscriptions created after this time."),
                TmsParameter.Optional("createdBefore", TmsType.Epoch, "Only subscriptions created before this time."),
                TmsParameter.Optional("startsAfter", TmsType.Epoch, "Only subscriptions starting after this time."),
                TmsParameter.Optional("startsBefore", TmsType.Epoch, "Only subscriptions starting before this time."),
                TmsParameter.Optional("expiresAfter", TmsType.Epoch, "Only subscriptions ending after this time."),
                TmsParameter.Optional("expiresBefore", TmsType.Epoch, "Only subscriptions ending before this time."),
            ],
            TmsSearch.Answer(RecordSchema), SearchAsync)
        {
            ParameterNames = Names,
        },
    ];

    private static TmsAnswer EmptyResults() => TmsAnswer.With("Results", Array.Empty<ClubMembershipRecord>());

    /// <summary>
    /// Issuing checks the presented credential itself (<see cref="TmsMethod.ChecksCredentialItself"/>): on PostgreSQL
    /// in the statement that reads the profile and the learner, one round trip fewer, as GraphQL's issuePass. A call
    /// with an Idempotency-Key has its caller looked up first, and issues for it without reading the credential again.
    /// </summary>
    private static async Task<TmsAnswer> CreateAsync(TmsCall call)
    {
        var passes = call.Service<PassService>();
        var pass = call.KnownCaller is { } caller
            ? await passes.IssueAsync(caller, Values(call), call.CancellationToken)
            : (await passes.IssueForCredentialAsync(call.Credential, Values(call), call.CancellationToken)
                ?? throw new TmsRequestException(TmsEndpoint.InvalidKeyMessage, TmsStatus.InvalidIntegrationKey)).Pass;
        return TmsAnswer.With("ClubMembershipId", pass.Id);
    }

    private static async Task<TmsAnswer> GetAsync(TmsCall call)
    {
        var id = call.RequiredNumber("id");
        var pass = await Visible(call).FirstOrDefaultAsync(p => p.Id == id, call.CancellationToken)
            ?? throw new EntityNotFoundException("id", "subscription", id.ToString(CultureInfo.InvariantCulture));
        return TmsAnswer.With("Results", new[] { Record(pass) });
    }

    private static async Task<TmsAnswer> GetByExternalIdAsync(TmsCall call)
    {
        var externalId = call.RequiredText("id");
        var passes = await Visible(call).Where(p => p.ExternalId == externalId).OrderBy(p => p.Id).ToListAsync(call.CancellationToken);
        return passes.Count == 0
            ? throw new EntityNotFoundException("id", "subscription", externalId)
            : TmsAnswer.With("Results", passes.Select(Record).ToList());
    }

    private static async Task<TmsAnswer> UpdateAsync(TmsCall call)
    {
        await call.Service<PassService>().OverwriteAsync(call.Caller, call.RequiredNumber("id"), Values(call), call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static async Task<TmsAnswer> DeleteAsync(TmsCall call)
    {
        await call.Service<PassService>().RevokeAsync(call.Caller, call.RequiredNumber("id"), call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static Task<TmsAnswer> SearchAsync(TmsCall call)
    {
        var query = Visible(call);
        if (call.Number("userId") is { } userId)
        {
            query = query.Where(p => p.ContactId == userId);
        }

        if (call.Text("userExternalId") is { } userExternalId)
        {
            query = query.Where(p => p.Contact!.ExternalId == userExternalId);
        }

        if ((call.Number("subscriptionId") ?? call.Number("clubId")) is { } clubId)
        {
            query = query.Where(p => p.PassTypeId == clubId);
        }

        if (call.Instant("createdAfter") is { } createdAfter)
        {
            query = query.Where(p => p.CreatedAt > createdAfter);
        }

        if (call.Instant("createdBefore") is { } createdBefore)
        {
            query = query.Where(p => p.CreatedAt < createdBefore);
        }

        if (call.Instant("startsAfter") is { } startsAfter)
        {
            query = query.Where(p => p.ValidFrom > startsAfter);
        }

        if (call.Instant("startsBefore") is { } startsBefore)
        {
            query = query.Where(p => p.ValidFrom < startsBefore);
        }

        if (call.Instant("expiresAfter") is { } expiresAfter)
        {
            query = query.Where(p => p.ValidUntil > expiresAfter);
        }

        if (call.Instant("expiresBefore") is { } expiresBefore)
        {
            query = query.Where(p => p.ValidUntil < expiresBefore);
        }

        return TmsSearch.PageAsync(call, query, Sorts, "Created", 100, p => p.Id, rows => Task.FromResult((IReadOnlyList<ClubMembershipRecord>)rows.Select(Record).ToList()));
    }

    private static IQueryable<Pass> Visible(TmsCall call) =>
        call.Service<PassQueries>().Visible(call.Caller).Include(p => p.PassType).Include(p => p.Contact);

    private static PassIssue Values(TmsCall call) => new(
        call.RequiredNumber("clubId"),
        null,
        call.RequiredNumber("userId"),
        call.RequiredInstant("starts"),
        call.Instant("expires"),
        call.Text("externalId"),
        call.Instant("targetCompletion"));

    private static ClubMembershipRecord Record(Pass p) => new(
        p.Id,
        p.ExternalId,
        p.PassTypeId,
        p.ContactId,
        TmsTime.Seconds(p.ValidFrom),
        TmsTime.Seconds(p.ValidUntil),
        TmsTime.Seconds(p.TargetCompletion),
        p.PassType!.Name,
        p.Contact!.ExternalId,
        p.CancelledAt is not null,
        TmsTime.Seconds(p.CreatedAt),
        TmsTime.Seconds(p.UpdatedAt));

    private static Expression<Func<Pass, TKey>> Key<TKey>(Expression<Func<Pass, TKey>> key) => key;
}
