using Entitle.Domain.Keys;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Keys;

/// <summary>The batches of keys minted inside a caller's subtree, for the admin console: progress and downloads.</summary>
public sealed class KeyBatchQueries(EntitleDbContext db)
{
    public IQueryable<KeyBatch> Visible(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        return db.KeyBatches.AsNoTracking().Where(b => subtree.Contains(b.OrganizationId));
    }

    /// <summary>The newest batches first, each with its progress counted by the database in one grouped statement.</summary>
    public async Task<IReadOnlyList<KeyBatchProgress>> NewestAsync(Caller caller, int count, CancellationToken cancellationToken)
    {
        var batches = await Visible(caller)
            .OrderByDescending(b => b.Id)
            .Take(count)
            .Select(b => new
            {
                b.Id,
                b.CreatedAt,
                b.KeyCount,
                TypeName = db.PassTypes.Where(t => t.Id == b.PassTypeId).Select(t => t.Name).First(),
                OrganizationName = db.Organizations.Where(o => o.Id == b.OrganizationId).Select(o => o.Name).First(),
            })
            .ToListAsync(cancellationToken);
        var ids = batches.Select(b => (int?)b.Id).ToList();
        var counts = await db.TrainingKeys.AsNoTracking()
            .Where(k => ids.Contains(k.BatchId))
            .GroupBy(k => k.BatchId)
            .Select(g => new
            {
                BatchId = g.Key!.Value,
                Keys = g.Count(),
                Redeemed = g.Count(k => k.Uses > 0),
                Uses = g.Sum(k => (long)k.Uses),
                Allowed = g.Sum(k => (long)k.MaxKeyUses),
                Expires = g.Max(k => k.ExpirationDate),
            })
            .ToDictionaryAsync(c => c.BatchId, cancellationToken);
        return batches.Select(b =>
        {
            var c = counts.GetValueOrDefault(b.Id);
            return new KeyBatchProgress(b.Id, b.CreatedAt, b.TypeName, b.OrganizationName, b.KeyCount, c?.Keys ?? 0, c?.Redeemed ?? 0, c?.Uses ?? 0, c?.Allowed ?? 0, c?.Expires);
        }).ToList();
    }

    /// <summary>The keys of one visible batch in id order, streamed (a batch holds up to 100,000 keys); null when the caller cannot see it.</summary>
    public async Task<IAsyncEnumerable<TrainingKey>?> KeysAsync(Caller caller, int batchId, CancellationToken cancellationToken)
    {
        if (!await Visible(caller).AnyAsync(b => b.Id == batchId, cancellationToken))
        {
            return null;
        }

        return db.TrainingKeys.AsNoTracking().Where(k => k.BatchId == batchId).OrderBy(k => k.Id).AsAsyncEnumerable();
    }
}
