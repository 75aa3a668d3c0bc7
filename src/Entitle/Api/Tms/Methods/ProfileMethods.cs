using System.Linq.Expressions;
using Entitle.Api.Tms.Records;
using Entitle.Application.PassTypes;
using Entitle.Domain;
using Entitle.Domain.Catalog;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.Tms.Methods;

/// <summary>
/// SearchClubs: subscription profiles are pass types. <c>Enabled</c> is "published"; <c>Duration</c> and
/// <c>Price</c> come from the default option (the first published one), the price in the owning organization's
/// currency.
/// </summary>
public static class ProfileMethods
{
    private static readonly Dictionary<string, LambdaExpression> Sorts = new()
    {
        ["Name"] = Key(t => t.Name),
        ["Id"] = Key(t => t.Id),
        ["Created"] = Key(t => t.CreatedAt),
        ["LastModified"] = Key(t => t.UpdatedAt),
    };

    public static IEnumerable<TmsMethod> All() =>
    [
        new(["SearchClubs", "SearchSubscriptionProfiles"], "Searches the subscription profiles the caller can see: its own and its parents'.",
            [
                .. TmsSearch.Parameters(100, "Name", Sorts.Keys),
                TmsParameter.Optional("name", TmsType.Text, "Only profiles whose name contains this text, ignoring case."),
                TmsParameter.Optional("courseId", TmsType.Number, "Only profiles that include this course, directly or through a learning path."),
                TmsParameter.Optional("enabled", TmsType.Boolean, "Only enabled (published) profiles, or only the others."),
                TmsParameter.Optional("createdAfter", TmsType.Epoch, "Only profiles created after this time."),
                TmsParameter.Optional("createdBefore", TmsType.Epoch, "Only profiles created before this time."),
            ],
            TmsSearch.Answer("ClubRecord"), SearchAsync),
    ];

    private static Task<TmsAnswer> SearchAsync(TmsCall call)
    {
        var db = call.Service<EntitleDbContext>();
        var query = call.Service<PassTypeQueries>().Readable(call.Caller);
        if (call.Text("name") is { } name)
        {
            var pattern = LikePatterns.ContainsIgnoringCase(name);
            query = query.Where(t => EF.Functions.Like(t.Name.ToLower(), pattern, LikePatterns.EscapeCharacter));
        }

        if (call.Number("courseId") is { } courseId)
        {
            var paths = db.Set<LearningPathCourse>().Where(c => c.CourseTemplateId == courseId).Select(c => c.LearningPathId);
            query = query.Where(t => db.PassTypeContentItems.Any(c => c.PassTypeId == t.Id
                && (c.CourseTemplateId == courseId || (c.LearningPathId != null && paths.Contains(c.LearningPathId.Value)))));
        }

        if (call.Flag("enabled") is { } enabled)
        {
            query = enabled ? query.Where(t => t.LifecycleState == LifecycleState.Published) : query.Where(t => t.LifecycleState != LifecycleState.Published);
        }

        if (call.Instant("createdAfter") is { } createdAfter)
        {
            query = query.Where(t => t.CreatedAt > createdAfter);
        }

        if (call.Instant("createdBefore") is { } createdBefore)
        {
            query = query.Where(t => t.CreatedAt < createdBefore);
        }

        return TmsSearch.PageAsync(call, query, Sorts, "Name", 100, t => t.Id, rows => RecordsAsync(call, db, rows));
    }

    /// <summary>The page's options, prices, content and currencies in one statement each.</summary>
    private static async Task<IReadOnlyList<ClubRecord>> RecordsAsync(TmsCall call, EntitleDbContext db, List<PassType> types)
    {
        var ct = call.CancellationToken;
        var queries = call.Service<PassTypeQueries>();
        var ids = types.Select(t => t.Id).ToList();
        var options = await queries.GetOptionsAsync(ids, ct);
        var defaults = ids.ToDictionary(id => id, id => options[id].FirstOrDefault(o => o.LifecycleState == LifecycleState.Published));
        var prices = await queries.GetPricesAsync(defaults.Values.OfType<PassTypeOption>().Select(o => o.Id).ToList(), ct);
        var content = await queries.GetContentAsync(ids, ct);
        var pathIds = content.Values.SelectMany(g => g).Where(c => c.LearningPathId is not null).Select(c => c.LearningPathId!.Value).Distinct().ToList();
        var pathCourses = await db.Set<LearningPathCourse>().Where(c => pathIds.Contains(c.LearningPathId))
            .Select(c => new { c.LearningPathId, c.CourseTemplateId }).ToListAsync(ct);
        var ownerIds = types.Select(t => t.OrganizationId).Distinct().ToList();
        var currencies = await db.Organizations.Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.CurrencyCode, ct);

        return types.Select(t =>
        {
            var option = defaults[t.Id];
            var currency = currencies[t.OrganizationId];
            var price = option is null ? null : prices[option.Id].Where(p => p.CurrencyCode == currency).OrderBy(p => p.RegionCode is null ? 0 : 1).ThenBy(p => p.Id).FirstOrDefault();
            var items = content[t.Id].ToList();
            var paths = items.Where(c => c.LearningPathId is not null).Select(c => c.LearningPathId!.Value).ToList();
            var courses = items.Where(c => c.CourseTemplateId is not null).Select(c => c.CourseTemplateId!.Value)
                .Concat(pathCourses.Where(pc => paths.Contains(pc.LearningPathId)).Select(pc => pc.CourseTemplateId))
                .Distinct().Order().ToList();
            return new ClubRecord(
                t.Id,
                t.Name,
                t.Description,
                t.OrganizationId,
                option is null ? null : DurationInDays(option.ValidityPeriod),
                option is null ? null : option.PeriodUnit.ToString().ToLowerInvariant(),
                option?.PeriodValue,
                decimal.Parse(Money.Format(price?.AmountMinorUnits ?? 0), System.Globalization.CultureInfo.InvariantCulture),
                currency,
                t.LifecycleState == LifecycleState.Published,
                courses,
                paths,
                TmsTime.Seconds(t.CreatedAt),
                TmsTime.Seconds(t.UpdatedAt));
        }).ToList();
    }

    /// <summary>TMS counts a profile's Duration in days; months and years count 30 and 365 (DurationUnit and DurationValue are exact).</summary>
    private static int DurationInDays(ValidityPeriod period) => period.Unit switch
    {
        PeriodUnit.Days => period.Value,
        PeriodUnit.Weeks => period.Value * 7,
        PeriodUnit.Months => period.Value * 30,
        _ => period.Value * 365,
    };

    private static Expression<Func<PassType, TKey>> Key<TKey>(Expression<Func<PassType, TKey>> key) => key;
}
