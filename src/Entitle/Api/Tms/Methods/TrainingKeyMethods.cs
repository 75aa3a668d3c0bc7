using System.Linq.Expressions;
using Entitle.Api.Tms.Records;
using Entitle.Application.Keys;
using Entitle.Domain.Keys;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.Tms.Methods;

/// <summary>The subscription training key methods, and Entitle's RedeemSubscriptionTrainingKey.</summary>
public static class TrainingKeyMethods
{
    private const string KeyRecordSchema = "TrainingKeyRecord";

    private static readonly Dictionary<string, string> Names = new()
    {
        ["trainingPassTypeId"] = "subscriptionProfileId",
        ["contactId"] = "userId",
        ["id"] = "Id",
    };

    private static readonly Dictionary<string, LambdaExpression> Sorts = new()
    {
        ["TrainingKey"] = Key(k => k.NormalizedKey),
        ["ContentExpiry"] = Key(k => k.ContentExpirationDate),
        ["SubscriptionProfileName"] = Key(k => k.PassTypeId),
        ["Created"] = Key(k => k.CreatedAt),
        ["CreatedById"] = Key(k => k.CreatedByOrganizationId),
        ["LastModified"] = Key(k => k.UpdatedAt),
        ["LastModifiedById"] = Key(k => k.UpdatedByOrganizationId),
        ["ExpirationDate"] = Key(k => k.ExpirationDate),
    };

    public static IEnumerable<TmsMethod> All() =>
    [
        new(
            ["CreateSubscriptionTrainingKeys"],
            "Creates one or more unique subscription training keys, all or none: the caller's own (trainingKeys) or generated ones (numberOfKeys, up to 100,000).",
            [
                TmsParameter.Optional("organizationId", TmsType.Number, "The organization the keys belong to; the caller's own when omitted."),
                TmsParameter.Needed("subscriptionProfileId", TmsType.Number, "The subscription profile (pass type) the keys grant; it must be enabled (published)."),
                TmsParameter.Needed("expirationDate", TmsType.Epoch, "When the keys stop being redeemable."),
                TmsParameter.Optional("maxKeyUses", TmsType.Number, "How many learners may redeem each key.", "1"),
                TmsParameter.Optional("contentExpirationDate", TmsType.Epoch, "When set, subscriptions created from these keys end here instead of after the profile's duration."),
                TmsParameter.Optional("trainingKeys", TmsType.List, "Comma-separated keys of the caller's choosing, unique in the installation ignoring case; numberOfKeys is then ignored."),
                TmsParameter.Optional("numberOfKeys", TmsType.Number, "How many keys to generate (16 upper-case letters and digits each), at most 100,000.", "1"),
            ],
            [new("CreateSubscriptionsResults", "array:CreatedKeyRecord", "The keys created: Id and trainingKey.")],
            CreateAsync)
        {
            // The vendor documents an unknown or unpublished profile as an error (10), not "not found".
            NotFoundStatus = TmsStatus.Error,
            ParameterNames = Names,
        },
        new(
            ["SearchSubscriptionTrainingKeys"],
            "Searches the caller's subscription training keys.",
            [
                .. TmsSearch.Parameters(20, "TrainingKey", Sorts.Keys),
                TmsParameter.Optional("organizationId", TmsType.Number, "Only keys of this organization."),
                TmsParameter.Optional("trainingKey", TmsType.Text, "Only the key with this text (ignoring case and surrounding spaces)."),
                TmsParameter.Optional("subscriptionProfileId", TmsType.Number, "Only keys of this subscription profile."),
                TmsParameter.Optional("createdById", TmsType.Number, "Only keys created by this organization's key."),
                TmsParameter.Optional("createdBefore", TmsType.Epoch, "Only keys created before this time."),
                TmsParameter.Optional("createdAfter", TmsType.Epoch, "Only keys created after this time."),
                TmsParameter.Optional("expiresBefore", TmsType.Epoch, "Only keys expiring before this time."),
                TmsParameter.Optional("expiresAfter", TmsType.Epoch, "Only keys expiring after this time."),
            ],
            TmsSearch.Answer(KeyRecordSchema),
            SearchAsync)
        {
            ParameterNames = Names,
        },
        new(
            ["UpdateSubscriptionTrainingKey"],
            "Overwrites a key: omitted optional values return to their defaults. A redeemed key keeps its text and profile.",
            [
                TmsParameter.Needed("Id", TmsType.Number, "The key's Id."),
                TmsParameter.Needed("trainingKey", TmsType.Text, "The key's text."),
                TmsParameter.Optional("organizationId", TmsType.Number, "The organization the key belongs to; unchanged when omitted."),
                TmsParameter.Needed("subscriptionProfileId", TmsType.Number, "The subscription profile the key grants."),
                TmsParameter.Needed("expirationDate", TmsType.Epoch, "When the key stops being redeemable."),
                TmsParameter.Optional("maxKeyUses", TmsType.Number, "How many learners may redeem it; not below its uses so far.", "1"),
                TmsParameter.Optional("contentExpirationDate", TmsType.Epoch, "The end of access for subscriptions created from it; omitted clears it."),
            ],
            [],
            UpdateAsync)
        {
            ParameterNames = Names,
        },
        new(
            ["DeleteSubscriptionTrainingKey"],
            "Deletes a key that nobody has redeemed.",
            [TmsParameter.Needed("id", TmsType.Number, "The key's Id.")],
            [],
            DeleteAsync)
        {
            ParameterNames = Names,
        },
        new(
            ["RedeemSubscriptionTrainingKey"],
            "Entitle's addition: redeems a key for a learner, creating a subscription from now until the key's content expiration or for the profile's duration.",
            [
                TmsParameter.Needed("trainingKey", TmsType.Text, "The key, ignoring case and surrounding spaces."),
                TmsParameter.Needed("userId", TmsType.Number, "The learner, inside the key's organization."),
            ],
            [new("ClubMembershipId", "integer", "The new subscription's id.")],
            RedeemAsync)
        {
            ParameterNames = Names,
        },
    ];

    private static async Task<TmsAnswer> CreateAsync(TmsCall call)
    {
        var request = new KeyBatchRequest(
            call.Number("organizationId"),
            call.RequiredNumber("subscriptionProfileId"),
            call.RequiredInstant("expirationDate"),
            call.Number("maxKeyUses") ?? 1,
            call.Instant("contentExpirationDate"),
            call.List("trainingKeys"),
            call.Number("numberOfKeys") ?? 1);
        var minted = await call.Service<TrainingKeyService>().CreateAsync(call.Caller, request, call.CancellationToken);
        return TmsAnswer.With("CreateSubscriptionsResults", minted.Select(k => new CreatedKeyRecord(k.Id, k.TrainingKey)).ToList());
    }

    private static Task<TmsAnswer> SearchAsync(TmsCall call)
    {
        var db = call.Service<EntitleDbContext>();
        var query = call.Service<TrainingKeyQueries>().Visible(call.Caller).AsNoTracking();
        if (call.Number("organizationId") is { } organizationId)
        {
            query = query.Where(k => k.OrganizationId == organizationId);
        }

        if (call.Text("trainingKey") is { } text)
        {
            var normalized = TrainingKeyText.Normalize(text);
            query = query.Where(k => k.NormalizedKey == normalized);
        }

        if (call.Number("subscriptionProfileId") is { } profileId)
        {
            query = query.Where(k => k.PassTypeId == profileId);
        }

        if (call.Number("createdById") is { } createdBy)
        {
            query = query.Where(k => k.CreatedByOrganizationId == createdBy);
        }

        if (call.Instant("createdBefore") is { } createdBefore)
        {
            query = query.Where(k => k.CreatedAt < createdBefore);
        }

        if (call.Instant("createdAfter") is { } createdAfter)
        {
            query = query.Where(k => k.CreatedAt > createdAfter);
        }

        if (call.Instant("expiresBefore") is { } expiresBefore)
        {
            query = query.Where(k => k.ExpirationDate < expiresBefore);
        }

        if (call.Instant("expiresAfter") is { } expiresAfter)
        {
            query = query.Where(k => k.ExpirationDate > expiresAfter);
        }

        var sorts = new Dictionary<string, LambdaExpression>(Sorts)
        {
            ["SubscriptionProfileName"] = Key(k => db.PassTypes.Where(t => t.Id == k.PassTypeId).Select(t => t.Name).FirstOrDefault()),
        };
        return TmsSearch.PageAsync(call, query, sorts, "TrainingKey", 20, k => k.Id, async rows =>
        {
            var typeIds = rows.Select(k => k.PassTypeId).Distinct().ToList();
            var names = await db.PassTypes.Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, call.CancellationToken);
            return (IReadOnlyList<TrainingKeyRecord>)rows.Select(k => Record(k, names[k.PassTypeId])).ToList();
        });
    }

    private static async Task<TmsAnswer> UpdateAsync(TmsCall call)
    {
        await call.Service<TrainingKeyService>().UpdateAsync(
            call.Caller,
            call.RequiredNumber("Id"),
            call.RequiredText("trainingKey"),
            call.Number("organizationId"),
            call.RequiredNumber("subscriptionProfileId"),
            call.RequiredInstant("expirationDate"),
            call.Number("maxKeyUses") ?? 1,
            call.Instant("contentExpirationDate"),
            call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static async Task<TmsAnswer> DeleteAsync(TmsCall call)
    {
        await call.Service<TrainingKeyService>().DeleteAsync(call.Caller, call.RequiredNumber("id"), call.CancellationToken);
        return TmsAnswer.Empty;
    }

    private static async Task<TmsAnswer> RedeemAsync(TmsCall call)
    {
        var redeemed = await call.Service<TrainingKeyService>().RedeemAsync(call.Caller, call.RequiredText("trainingKey"), call.RequiredNumber("userId"), call.CancellationToken);
        return TmsAnswer.With("ClubMembershipId", redeemed.Pass.Id);
    }

    private static TrainingKeyRecord Record(TrainingKey k, string profileName) => new(
        k.Id,
        k.Key,
        k.OrganizationId,
        k.PassTypeId,
        profileName,
        TmsTime.Seconds(k.ExpirationDate),
        k.MaxKeyUses,
        k.Uses,
        TmsTime.Seconds(k.ContentExpirationDate),
        TmsTime.Seconds(k.CreatedAt),
        k.CreatedByOrganizationId,
        TmsTime.Seconds(k.UpdatedAt),
        k.UpdatedByOrganizationId);

    private static Expression<Func<TrainingKey, TKey>> Key<TKey>(Expression<Func<TrainingKey, TKey>> key) => key;
}
