using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Webhooks;

/// <summary>
/// Emits pass.expiring (a configurable number of days before validUntil) and pass.expired, once per pass and
/// validUntil: each pass is claimed by a conditional UPDATE in the same transaction as its event, so several
/// processes running this job at once emit each event once. A renewal moves validUntil and starts a new cycle.
/// </summary>
public sealed class ExpiryNotifier(EntitleDbContext db, WebhookPublisher publisher, WebhookOptions options, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>Emits every event due now; returns how many were emitted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = now.AddDays(options.ExpiringDays);
        var emitted = 0;
        while (true)
        {
            var expiring = await db.Passes.AsNoTracking()
                .Where(p => p.CancelledAt == null && p.ValidUntil > now && p.ValidUntil <= soon && (p.ExpiringNotifiedFor == null || p.ExpiringNotifiedFor != p.ValidUntil))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            var expired = await db.Passes.AsNoTracking()
                .Where(p => p.CancelledAt == null && p.ValidUntil <= now && (p.ExpiredNotifiedFor == null || p.ExpiredNotifiedFor != p.ValidUntil))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (expiring.Count == 0 && expired.Count == 0)
            {
                return emitted;
            }

            foreach (var id in expiring)
            {
                emitted += await EmitAsync(id, expired: false, now, soon, cancellationToken);
            }

            foreach (var id in expired)
            {
                emitted += await EmitAsync(id, expired: true, now, soon, cancellationToken);
            }
        }
    }

    private Task<int> EmitAsync(int passId, bool expired, DateTime now, DateTime soon, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var claimed = expired
                    ? await db.Passes
                        .Where(p => p.Id == passId && p.CancelledAt == null && p.ValidUntil <= now && (p.ExpiredNotifiedFor == null || p.ExpiredNotifiedFor != p.ValidUntil))
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiredNotifiedFor, p => p.ValidUntil), ct)
                    : await db.Passes
                        .Where(p => p.Id == passId && p.CancelledAt == null && p.ValidUntil > now && p.ValidUntil <= soon && (p.ExpiringNotifiedFor == null || p.ExpiringNotifiedFor != p.ValidUntil))
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiringNotifiedFor, p => p.ValidUntil), ct);
                if (claimed == 0)
                {
                    return 0;
                }

                var pass = await db.Passes.AsNoTracking().Include(p => p.Contact).FirstAsync(p => p.Id == passId, ct);
                await publisher.PublishAsync(expired ? WebhookEventTypes.PassExpired : WebhookEventTypes.PassExpiring, pass.Contact!.OrganizationId, EventData.Pass(pass), ct);
                await db.SaveChangesAsync(ct);
                return 1;
            },
            cancellationToken);
}
