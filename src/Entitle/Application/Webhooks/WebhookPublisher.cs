using System.Text.Json.Nodes;
using Entitle.Domain.Organizations;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Webhooks;

/// <summary>
/// Writes an event, and a delivery for each endpoint that wants it, into the outbox of the current use case: they
/// commit with the change or not at all, so each change yields exactly one event whatever the number of processes.
/// Endpoints of the event's organization and of its ancestors hear of it.
/// </summary>
public sealed class WebhookPublisher(EntitleDbContext db, TimeProvider clock)
{
    public async Task PublishAsync(string type, int subjectOrganizationId, JsonObject data, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var path = await db.Organizations.Where(o => o.Id == subjectOrganizationId).Select(o => o.Path).FirstAsync(cancellationToken);
        var listeners = Organization.IdsOnPath(path);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled && listeners.Contains(e.OrganizationId)).ToListAsync(cancellationToken);
        var @event = WebhookEvent.Occur(type, subjectOrganizationId, data.ToJsonString(), now);
        db.WebhookEvents.Add(@event);
        foreach (var endpoint in endpoints.Where(e => e.Wants(type)))
        {
            db.WebhookDeliveries.Add(WebhookDelivery.Queue(@event, endpoint.Id, now));
        }
    }
}
