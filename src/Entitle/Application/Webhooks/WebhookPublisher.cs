using System.Text.Json.Nodes;
using Entitle.Application.Organizations;
using Entitle.Domain.Organizations;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Application.Webhooks;

/// <summary>
/// Writes an event, and a delivery for each endpoint that wants it, into the outbox of the current use case: they
/// commit with the change or not at all, so each change yields exactly one event whatever the number of processes.
/// Endpoints of the event's organization and of its ancestors hear of it.
/// </summary>
public sealed class WebhookPublisher(EntitleDbContext db, OrganizationPaths paths, TimeProvider clock)
{
    // Every write use case reads its listeners inside its transaction (on SQLite while it holds the single write
    // turn), so the read is compiled once rather than looked up in EF Core's query cache each time (docs/benchmarks.md);
    // one per provider, as a compiled query keeps the plan of the first model it met.
    private static readonly Func<EntitleDbContext, int[], IAsyncEnumerable<WebhookEndpoint>> SqliteListeners = CompileListeners();

    private static readonly Func<EntitleDbContext, int[], IAsyncEnumerable<WebhookEndpoint>> PostgresListeners = CompileListeners();

    /// <summary>
    /// The listening endpoints last read, and the transaction they were read in. A use case that publishes several
    /// events for one organization (a redemption: the key redeemed, the pass issued) reads them once; a new
    /// transaction reads them afresh, so an endpoint added since is never missed.
    /// </summary>
    private (IDbContextTransaction? Transaction, int OrganizationId, List<WebhookEndpoint> Endpoints)? _lastRead;

    public async Task PublishAsync(string type, int subjectOrganizationId, JsonObject data, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endpoints = await ListenersAsync(subjectOrganizationId, cancellationToken);
        var @event = WebhookEvent.Occur(type, subjectOrganizationId, data.ToJsonString(), now);
        db.Append(@event);
        foreach (var endpoint in endpoints.Where(e => e.Wants(type)))
        {
            db.Append(WebhookDelivery.Queue(@event, endpoint.Id, now));
        }
    }

    private async Task<List<WebhookEndpoint>> ListenersAsync(int subjectOrganizationId, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null && _lastRead is { } last && last.Transaction == transaction && last.OrganizationId == subjectOrganizationId)
        {
            return last.Endpoints;
        }

        var listeners = Organization.IdsOnPath(await paths.GetAsync(db, subjectOrganizationId, cancellationToken));
        var endpoints = new List<WebhookEndpoint>();
        await foreach (var endpoint in (db.Provider == DatabaseProvider.Postgres ? PostgresListeners : SqliteListeners)(db, listeners).WithCancellation(cancellationToken))
        {
            endpoints.Add(endpoint);
        }

        _lastRead = (transaction, subjectOrganizationId, endpoints);
        return endpoints;
    }

    private static Func<EntitleDbContext, int[], IAsyncEnumerable<WebhookEndpoint>> CompileListeners() => EF.CompileAsyncQuery(
        (EntitleDbContext db, int[] organizationIds) => db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled && organizationIds.Contains(e.OrganizationId)));
}
