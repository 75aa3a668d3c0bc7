using System.Globalization;
using Entitle.Application.Organizations;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Webhooks;

/// <summary>Registers, changes and removes an organization's webhook endpoints.</summary>
public sealed class WebhookService(EntitleDbContext db, OrganizationService organizations, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<WebhookEndpoint> CreateAsync(Caller caller, int? organizationId, string? url, IReadOnlyList<string>? eventTypes, bool enabled, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var organization = await organizations.FindOwnAsync(caller, organizationId ?? caller.OrganizationId, "accountId", ct);
                var endpoint = WebhookEndpoint.Register(organization.Id, url, eventTypes, enabled, Now);
                db.WebhookEndpoints.Add(endpoint);
                await db.SaveChangesAsync(ct);
                return endpoint;
            },
            cancellationToken);

    public Task<WebhookEndpoint> UpdateAsync(Caller caller, int endpointId, string? url, IReadOnlyList<string>? eventTypes, bool? enabled, bool rotateSecret, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var endpoint = await FindOwnAsync(caller, endpointId, ct);
                endpoint.Change(url, eventTypes, enabled, rotateSecret, Now);
                await db.SaveChangesAsync(ct);
                return endpoint;
            },
            cancellationToken);

    /// <summary>Removes an endpoint with its deliveries; events stay.</summary>
    public Task<WebhookEndpoint> DeleteAsync(Caller caller, int endpointId, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                var endpoint = await FindOwnAsync(caller, endpointId, ct);
                db.WebhookEndpoints.Remove(endpoint);
                await db.SaveChangesAsync(ct);
                return endpoint;
            },
            cancellationToken);

    private async Task<WebhookEndpoint> FindOwnAsync(Caller caller, int endpointId, CancellationToken ct)
    {
        var subtree = db.SubtreeIds(caller);
        return await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && subtree.Contains(e.OrganizationId), ct)
            ?? throw new EntityNotFoundException("webhookId", "webhook", endpointId.ToString(CultureInfo.InvariantCulture));
    }
}
