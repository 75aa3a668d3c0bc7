using Entitle.Domain.Passes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Passes;

/// <summary>Passes a caller may see: those held by contacts inside its subtree.</summary>
public sealed class PassQueries(EntitleDbContext db)
{
    /// <summary>
    /// Passes by id, asked by every granted <c>contentAccess</c> that lists its granting passes, and by the batch
    /// loaders: compiled once, so EF Core does not rebuild and look up the query per call (docs/benchmarks.md). The
    /// same visibility as <see cref="Visible"/>, on organization paths. A compiled query keeps the plan of the first
    /// model it met, so each provider has its own.
    /// </summary>
    private static readonly Func<EntitleDbContext, int[], string, IAsyncEnumerable<Pass>> SqliteByIds = CompileByIds();

    private static readonly Func<EntitleDbContext, int[], string, IAsyncEnumerable<Pass>> PostgresByIds = CompileByIds();

    private static Func<EntitleDbContext, int[], string, IAsyncEnumerable<Pass>> CompileByIds() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int[] ids, string callerPath) => db.Passes.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && db.Organizations.Where(o => o.Path.StartsWith(callerPath)).Select(o => o.Id).Contains(p.Contact!.OrganizationId)));

    public IQueryable<Pass> Visible(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        return db.Passes.AsNoTracking().Where(p => subtree.Contains(p.Contact!.OrganizationId));
    }

    /// <summary>The visible passes among <paramref name="ids"/>; no statement when there are none to look for (an access refused names no pass).</summary>
    public async Task<IReadOnlyDictionary<int, Pass>> GetByIdsAsync(Caller caller, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<int, Pass>();
        if (ids.Count == 0)
        {
            return found;
        }

        var query = db.Provider == DatabaseProvider.Postgres ? PostgresByIds : SqliteByIds;
        await foreach (var pass in query(db, [.. ids], caller.OrganizationPath).WithCancellation(cancellationToken))
        {
            found[pass.Id] = pass;
        }

        return found;
    }
}
