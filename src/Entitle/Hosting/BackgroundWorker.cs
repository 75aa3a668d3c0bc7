using Entitle.Application.Webhooks;

namespace Entitle.Hosting;

/// <summary>
/// The one background loop of a process: emit expiry events, then send due webhook deliveries, then wait for the
/// poll interval on the injected clock. Safe to run in every process at once; it stops when the host stops.
/// </summary>
public sealed class BackgroundWorker(IServiceScopeFactory scopes, WebhookOptions options, TimeProvider clock, ILogger<BackgroundWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ExpiryNotifier>().RunOnceAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The background worker's run failed; it tries again after the poll interval");
            }

            try
            {
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
