using Entitle.Api.GraphQL.Connections;
using Entitle.Application;
using Entitle.Application.Access;
using Entitle.Application.Catalog;
using Entitle.Application.Contacts;
using Entitle.Application.Organizations;
using Entitle.Application.Passes;
using Entitle.Application.PassTypes;
using Entitle.Application.Usage;
using Entitle.Application.Webhooks;
using Entitle.Domain.Catalog;
using Entitle.Domain.Contacts;
using Entitle.Domain.Organizations;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;
using Entitle.Domain.Usage;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.GraphQL.Loading;

/// <summary>
/// The batch loaders of one request: each nested field of a list costs one statement for the whole page, never
/// one per row. Reads reuse the application's query classes, so tenancy is applied in one place.
/// </summary>
public sealed class Loaders(IServiceProvider services, Func<Caller> caller, DateTime now)
{
    private readonly Dictionary<string, IBatchLoader> _loaders = [];

    public BatchLoader<int, PassType> PassTypes => Get(nameof(PassTypes), () => new BatchLoader<int, PassType>(
        (ids, ct) => Service<PassTypeQueries>().GetByIdsAsync(ids, ct)));

    public BatchLoader<int, PassTypeOption> Options => Get(nameof(Options), () => new BatchLoader<int, PassTypeOption>(
        (ids, ct) => Service<PassTypeQueries>().GetOptionsByIdsAsync(ids, ct)));

    public BatchLoader<int, IReadOnlyList<ContentRef>> ContentByType => Get(nameof(ContentByType), () => new BatchLoader<int, IReadOnlyList<ContentRef>>(
        (ids, ct) => Service<PassTypeQueries>().GetContentAsync(ids, ct),
        () => []));

    /// <summary>
    /// Courses and learning paths by reference: a type's content is read as references first and only the page
    /// shown is loaded, each course once however many types hold it.
    /// </summary>
    public BatchLoader<ContentRef, object> Content => Get(nameof(Content), () => new BatchLoader<ContentRef, object>(
        async (refs, ct) =>
        {
            var found = new Dictionary<ContentRef, object>(refs.Count);
            var catalog = Service<CatalogQueries>();
            var courseIds = refs.Where(r => r.CourseTemplateId is not null).Select(r => r.CourseTemplateId!.Value).ToList();
            if (courseIds.Count > 0)
            {
                foreach (var (id, course) in await catalog.GetCourseTemplatesByIdsAsync(courseIds, ct))
                {
                    found[ContentRef.Course(id)] = course;
                }
            }

            var pathIds = refs.Where(r => r.LearningPathId is not null).Select(r => r.LearningPathId!.Value).ToList();
            if (pathIds.Count > 0)
            {
                foreach (var (id, path) in await catalog.GetLearningPathsByIdsAsync(pathIds, ct))
                {
                    found[ContentRef.Path(id)] = path;
                }
            }

            return found;
        }));

    public BatchLoader<int, IReadOnlyList<PassTypeOption>> OptionsByType => Get(nameof(OptionsByType), () => new BatchLoader<int, IReadOnlyList<PassTypeOption>>(
        async (ids, ct) => Group(ids, await Service<PassTypeQueries>().GetOptionsAsync(ids, ct), o => o),
        () => []));

    public BatchLoader<int, IReadOnlyList<PassTypeOptionPrice>> PricesByOption => Get(nameof(PricesByOption), () => new BatchLoader<int, IReadOnlyList<PassTypeOptionPrice>>(
        async (ids, ct) => Group(ids, await Service<PassTypeQueries>().GetPricesAsync(ids, ct), p => p),
        () => []));

    public BatchLoader<int, Contact> Contacts => Get(nameof(Contacts), () => new BatchLoader<int, Contact>(
        (ids, ct) => Service<ContactQueries>().GetByIdsAsync(caller(), ids, ct)));

    public BatchLoader<int, Organization> Organizations => Get(nameof(Organizations), () => new BatchLoader<int, Organization>(
        (ids, ct) => Service<OrganizationQueries>().GetByIdsAsync(caller(), ids, ct)));

    public BatchLoader<int, IReadOnlyList<Pass>> PassesByContact => Get(nameof(PassesByContact), () => new BatchLoader<int, IReadOnlyList<Pass>>(
        async (ids, ct) =>
        {
            var passes = await Service<PassQueries>().Visible(caller()).Where(p => ids.Contains(p.ContactId)).OrderBy(p => p.Id).ToListAsync(ct);
            return Group(ids, passes.ToLookup(p => p.ContactId), p => p);
        },
        () => []));

    /// <summary>Which of the given contacts hold a pass valid now.</summary>
    public BatchLoader<int, bool> ContactHasActivePass => Get(nameof(ContactHasActivePass), () => new BatchLoader<int, bool>(
        async (ids, ct) =>
        {
            var active = await Service<EntitleDbContext>().Passes
                .Where(p => ids.Contains(p.ContactId) && p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil)
                .Select(p => p.ContactId).Distinct().ToListAsync(ct);
            return ids.ToDictionary(id => id, active.Contains);
        }));

    /// <summary>Which of the given accounts have a contact holding a pass valid now.</summary>
    public BatchLoader<int, bool> AccountHasActivePass => Get(nameof(AccountHasActivePass), () => new BatchLoader<int, bool>(
        async (ids, ct) =>
        {
            var active = await Service<EntitleDbContext>().Passes
                .Where(p => ids.Contains(p.Contact!.OrganizationId) && p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil)
                .Select(p => p.Contact!.OrganizationId).Distinct().ToListAsync(ct);
            return ids.ToDictionary(id => id, active.Contains);
        }));

    public BatchLoader<int, IReadOnlyList<CourseTemplate>> CoursesByPath => Get(nameof(CoursesByPath), () => new BatchLoader<int, IReadOnlyList<CourseTemplate>>(
        async (ids, ct) => Group(ids, await Service<CatalogQueries>().GetPathCoursesAsync(ids, ct), c => c),
        () => []));

    public BatchLoader<int, Pass> PassesById => Get(nameof(PassesById), () => new BatchLoader<int, Pass>(
        (ids, ct) => Service<PassQueries>().GetByIdsAsync(caller(), ids, ct)));

    public BatchLoader<int, CourseTemplate> CourseTemplates => Get(nameof(CourseTemplates), () => new BatchLoader<int, CourseTemplate>(
        (ids, ct) => Service<CatalogQueries>().GetCourseTemplatesByIdsAsync(ids, ct)));

    public BatchLoader<int, IReadOnlyList<CourseStart>> UsageByPass => Get(nameof(UsageByPass), () => new BatchLoader<int, IReadOnlyList<CourseStart>>(
        async (ids, ct) => Group(ids, await Service<UsageQueries>().GetByPassesAsync(ids, ct), s => s),
        () => []));

    public BatchLoader<int, WebhookEndpoint> Webhooks => Get(nameof(Webhooks), () => new BatchLoader<int, WebhookEndpoint>(
        async (ids, ct) => await Service<WebhookQueries>().Endpoints(caller()).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct)));

    public BatchLoader<long, IReadOnlyList<WebhookAttempt>> AttemptsByDelivery => Get(nameof(AttemptsByDelivery), () => new BatchLoader<long, IReadOnlyList<WebhookAttempt>>(
        async (ids, ct) =>
        {
            var attempts = await Service<WebhookQueries>().GetAttemptsAsync(ids, ct);
            return ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<WebhookAttempt>)attempts[id].ToList());
        },
        () => []));

    public BatchLoader<string, Region> Regions => Get(nameof(Regions), () => new BatchLoader<string, Region>(
        (codes, ct) => Service<CatalogQueries>().GetRegionsByCodesAsync(codes, ct)));

    /// <summary>
    /// One page of a type's content: the type's references (one statement for every type asked about), then the
    /// courses and paths of the page (one statement each for every page asked about).
    /// </summary>
    public IDataLoaderResult<IDataLoaderResult<ListPage>> ContentPage(int typeId, Paging paging) =>
        ContentByType.Load(typeId, items =>
        {
            var all = items ?? [];
            var refs = all.Skip(paging.Skip).Take(paging.Take).ToList();
            return Content.LoadMany(refs, nodes => new ListPage(nodes.OfType<object>().ToList(), paging.Skip, all.Count));
        });

    /// <summary>Forgets everything loaded so far; mutations call this so that their answers show the new state.</summary>
    public void Clear()
    {
        foreach (var loader in _loaders.Values)
        {
            loader.Clear();
        }
    }

    private T Service<T>()
        where T : notnull => services.GetRequiredService<T>();

    private BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, Func<BatchLoader<TKey, TValue>> create)
        where TKey : notnull
    {
        if (!_loaders.TryGetValue(name, out var loader))
        {
            loader = create();
            _loaders[name] = loader;
        }

        return (BatchLoader<TKey, TValue>)loader;
    }

    private static Dictionary<int, IReadOnlyList<TOut>> Group<TIn, TOut>(IReadOnlyCollection<int> ids, ILookup<int, TIn> lookup, Func<TIn, TOut> select) =>
        ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<TOut>)lookup[id].Select(select).ToList());
}
