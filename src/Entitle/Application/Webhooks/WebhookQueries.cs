using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Webhooks;

public sealed class WebhookQueries(EntitleDbContext db)
{
    public IQueryable<WebhookEndpoint> Endpoints(Caller caller)
    {
        var subtree = db.SubtreeIds(caller);
        return db.WebhookEndpoints.AsNoTracking().Where(e => subtree.Contains(e.OrganizationId));
    }

    /// <summary>Deliveries to the caller's endpoints, with their events.</summary>
    public IQueryable<WebhookDelivery> Deliveries(Caller caller)
    {
        var endpoints = Endpoints(caller).Select(e => e.Id);
        return db.WebhookDeliveries.AsNoTracking().Include(d => d.Event).Where(d => endpoints.Contains(d.EndpointId));
    }

    public async Task<ILookup<long, WebhookAttempt>> GetAttemptsAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken) =>
        (await db.WebhookAttempts.AsNoTracking().Where(a => deliveryIds.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
        .ToLookup(a => a.DeliveryId);
}
