using Entitle.Application.Keys;
using Entitle.Application.Passes;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Dashboard;

/// <summary>The dashboard's figures, each one query over the caller's subtree.</summary>
public sealed class DashboardQueries(EntitleDbContext db, PassQueries passes, TrainingKeyQueries keys, TimeProvider clock)
{
    public const int Days = 90;

    public async Task<DashboardFigures> ForAsync(Caller caller, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var since = today.AddDays(1 - Days).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var soon = now.AddDays(30);

        var live = passes.Visible(caller).Where(p => p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil);
        var active = await live.CountAsync(cancellationToken);
        var expiring = await live.CountAsync(p => p.ValidUntil < soon, cancellationToken);

        // Instants, not day buckets, come back: grouping by a converted DateTime does not translate alike on both
        // databases, and 90 days of one organization's instants are few enough to bucket here.
        var visibleKeys = keys.Visible(caller);
        var redeemedAt = await db.KeyRedemptions.AsNoTracking()
            .Where(r => r.RedeemedAt >= since && visibleKeys.Any(k => k.Id == r.KeyId))
            .Select(r => r.RedeemedAt)
            .ToListAsync(cancellationToken);
        var createdAt = await passes.Visible(caller).Where(p => p.CreatedAt >= since).Select(p => p.CreatedAt).ToListAsync(cancellationToken);

        var unredeemed = await visibleKeys.CountAsync(k => k.Uses == 0 && k.ExpirationDate > now, cancellationToken);
        var usesLeft = await visibleKeys.Where(k => k.ExpirationDate > now).SumAsync(k => (long)(k.MaxKeyUses - k.Uses), cancellationToken);
        return new DashboardFigures(active, expiring, PerDay(redeemedAt, today), PerDay(createdAt, today), unredeemed, usesLeft);
    }

    private static List<DailyCount> PerDay(List<DateTime> instants, DateOnly today)
    {
        var counts = instants.GroupBy(DateOnly.FromDateTime).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, Days).Select(i => today.AddDays(i + 1 - Days)).Select(d => new DailyCount(d, counts.GetValueOrDefault(d))).ToList();
    }
}
