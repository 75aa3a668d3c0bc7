using Entitle.Api;
using Entitle.Application.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Hosting;

/// <summary>
/// The one background loop of a process: wait for the poll interval on the injected clock, then emit expiry events,
/// send due webhook deliveries and forget day-old idempotency keys. Safe to run in every process at once;
/// it stops when the host stops.
/// </summary>
public sealed class BackgroundWorker(IServiceScopeFactory scopes, WebhookOptions options, TimeProvider clock, ILogger<BackgroundWorker> logger) : BackgroundService
{
    /// <summary>Idempotency keys are kept for a day; older ones are deleted in one statement.</summary>
    private async Task ForgetExpiredIdempotencyKeysAsync(IServiceProvider services, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - IdempotentRequests.Window;
        await services.GetRequiredService<EntitleDbContext>().IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // The wait comes first: the first run, which compiles its queries, would otherwise share the CPU with
            // the start and delay the first answers (docs/benchmarks.md, W6).
            try
            {
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ExpiryNotifier>().RunOnceAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(stoppingToken);
                await ForgetExpiredIdempotencyKeysAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The background worker's run failed; it tries again after the poll interval");
            }
        }
    }
}
