using Entitle.Application.Access;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.PassTypes;

/// <summary>
/// Pass types a caller may read (its subtree's and its ancestors'), and batch reads of their parts for GraphQL's
/// loaders: one statement per kind of part, whatever the number of types.
/// </summary>
public sealed class PassTypeQueries(EntitleDbContext db)
{
    /// <summary>
    /// A type's content as references, read by hand (see <see cref="HandWrittenSql{TResult}"/>): a catalog page reads
    /// about 50 items for each of its types, and EF Core's materializer (an entity per row, and on PostgreSQL a
    /// buffered copy of every row for its retry strategy) cost more than the statement.
    /// </summary>
    private static readonly HandWrittenSql<Dictionary<int, List<ContentRef>>> SqliteContent = Content("IN (SELECT value FROM json_each(@types))");

    private static readonly HandWrittenSql<Dictionary<int, List<ContentRef>>> PostgresContent = Content("= ANY(@types)");

    /// <remarks>
    /// An item holds exactly one of a course and a learning path (a check constraint) and ids are positive, so it
    /// comes back as one column, the course's id or the path's id negated: on SQLite each column read (and each null
    /// test) is a call into the library that takes the statement's handle and the connection's lock, and a catalog
    /// page reads 5,000 items.
    /// </remarks>
    private static HandWrittenSql<Dictionary<int, List<ContentRef>>> Content(string inTypes) => new(
        $"SELECT i.pass_type_id, COALESCE(i.course_template_id, -i.learning_path_id) FROM pass_type_content_items i WHERE i.pass_type_id {inTypes} ORDER BY i.id",
        [("types", typeof(int[]))],
        async (reader, ct) =>
        {
            var byType = new Dictionary<int, List<ContentRef>>();
            while (await reader.ReadAsync(ct))
            {
                var typeId = reader.GetInt32(0);
                if (!byType.TryGetValue(typeId, out var items))
                {
                    byType[typeId] = items = [];
                }

                var target = reader.GetInt32(1);
                items.Add(target > 0 ? ContentRef.Course(target) : ContentRef.Path(-target));
            }

            return byType;
        });

    // The options and prices of a catalog page are compiled queries, one per provider: built from LINQ on each call,
    // EF Core's query cache lookup cost more than reading their few hundred rows.
    private static readonly Func<EntitleDbContext, int[], IAsyncEnumerable<PassTypeOption>> SqliteOptions = CompileOptions();

    private static readonly Func<EntitleDbContext, int[], IAsyncEnumerable<PassTypeOption>> PostgresOptions = CompileOptions();

    private static readonly Func<EntitleDbContext, int[], IAsyncEnumerable<PassTypeOptionPrice>> SqlitePrices = CompilePrices();

    private static readonly Func<EntitleDbContext, int[], IAsyncEnumerable<PassTypeOptionPrice>> PostgresPrices = CompilePrices();

    private static Func<EntitleDbContext, int[], IAsyncEnumerable<PassTypeOption>> CompileOptions() => EF.CompileAsyncQuery<EntitleDbContext, int[], PassTypeOption>(
        (EntitleDbContext db, int[] typeIds) => db.PassTypeOptions.AsNoTracking().Where(o => typeIds.Contains(o.PassTypeId)).OrderBy(o => o.Id));

    private static Func<EntitleDbContext, int[], IAsyncEnumerable<PassTypeOptionPrice>> CompilePrices() => EF.CompileAsyncQuery<EntitleDbContext, int[], PassTypeOptionPrice>(
        (EntitleDbContext db, int[] optionIds) => db.PassTypeOptionPrices.AsNoTracking().Include(p => p.Region).Where(p => optionIds.Contains(p.OptionId)).OrderBy(p => p.Id));

    public IQueryable<PassType> Readable(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        var ancestors = caller.AncestorAndSelfIds.ToArray();
        return db.PassTypes.AsNoTracking().Where(t => ancestors.Contains(t.OrganizationId) || subtree.Contains(t.OrganizationId));
    }

    public IQueryable<PassTypeOption> ReadableOptions(Caller caller)
    {
        var types = Readable(caller).Select(t => t.Id);
        return db.PassTypeOptions.AsNoTracking().Where(o => types.Contains(o.PassTypeId));
    }

    public IQueryable<PassTypeOptionPrice> ReadablePrices(Caller caller)
    {
        var options = ReadableOptions(caller).Select(o => o.Id);
        return db.PassTypeOptionPrices.AsNoTracking().Where(p => options.Contains(p.OptionId));
    }

    public async Task<IReadOnlyDictionary<int, PassType>> GetByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.PassTypes.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);

    public async Task<IReadOnlyDictionary<int, PassTypeOption>> GetOptionsByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.PassTypeOptions.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);

    /// <summary>
    /// The content of each type, in the order it was added, as references: the courses and paths themselves are
    /// loaded by whoever shows them (a type holds about 50; a page shows 20, and many types hold the same course).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<ContentRef>>> GetContentAsync(IReadOnlyCollection<int> typeIds, CancellationToken cancellationToken)
    {
        var found = typeIds.Count == 0
            ? []
            : await (db.Provider == DatabaseProvider.Postgres ? PostgresContent : SqliteContent).RunAsync(db, new Dictionary<string, object?> { ["types"] = typeIds.Distinct().ToArray() }, cancellationToken);
        var content = new Dictionary<int, IReadOnlyList<ContentRef>>();
        foreach (var id in typeIds)
        {
            content[id] = found.TryGetValue(id, out var items) ? items : [];
        }

        return content;
    }

    /// <summary>One type's content, in the order it was added, with each course or path loaded (the console's page of a type).</summary>
    public async Task<IReadOnlyList<PassTypeContentItem>> GetContentWithCoursesAndPathsAsync(int typeId, CancellationToken cancellationToken) =>
        await db.PassTypeContentItems.AsNoTracking()
            .Include(c => c.CourseTemplate)
            .Include(c => c.LearningPath)
            .Where(c => c.PassTypeId == typeId)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The options of each type, oldest first.</summary>
    public async Task<ILookup<int, PassTypeOption>> GetOptionsAsync(IReadOnlyCollection<int> typeIds, CancellationToken cancellationToken)
    {
        var options = new List<PassTypeOption>();
        await foreach (var option in (db.Provider == DatabaseProvider.Postgres ? PostgresOptions : SqliteOptions)(db, [.. typeIds]).WithCancellation(cancellationToken))
        {
            options.Add(option);
        }

        return options.ToLookup(o => o.PassTypeId);
    }

    /// <summary>The prices of each option, oldest first, with their regions.</summary>
    public async Task<ILookup<int, PassTypeOptionPrice>> GetPricesAsync(IReadOnlyCollection<int> optionIds, CancellationToken cancellationToken)
    {
        var prices = new List<PassTypeOptionPrice>();
        await foreach (var price in (db.Provider == DatabaseProvider.Postgres ? PostgresPrices : SqlitePrices)(db, [.. optionIds]).WithCancellation(cancellationToken))
        {
            prices.Add(price);
        }

        return prices.ToLookup(p => p.OptionId);
    }
}
