using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Entitle.Domain;
using Entitle.Domain.Webhooks;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application.Webhooks;

/// <summary>
/// Sends due deliveries. A worker first claims a batch with one UPDATE (PostgreSQL skips rows another worker has
/// locked), so several workers on one database never send the same delivery at the same time; every attempt is
/// recorded; failures are retried with exponentially growing delays until the last attempt.
/// </summary>
public sealed class WebhookDispatcher(EntitleDbContext db, IHttpClientFactory http, WebhookOptions options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";
    public const string SignatureHeader = "X-Entitle-Signature";

    /// <summary>Sends every delivery due now; returns how many attempts were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (true)
        {
            var claimed = await ClaimAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                return attempts;
            }

            foreach (var id in claimed)
            {
                await SendAsync(id, cancellationToken);
                attempts++;
            }
        }
    }

    /// <summary>The signature a receiver checks: <c>sha256=</c> and the hex HMAC-SHA256 of the body under the endpoint's secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>The body a delivery carries: the event's id, type, time, organization and data.</summary>
    public static string Body(WebhookEvent @event) => new JsonObject
    {
        ["id"] = @event.Id,
        ["type"] = @event.Type,
        ["occurredAt"] = Instant.Format(@event.OccurredAt),
        ["organizationId"] = @event.SubjectOrganizationId,
        ["data"] = JsonNode.Parse(@event.Data),
    }.ToJsonString();

    private async Task<List<long>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Timeout + options.Timeout + TimeSpan.FromSeconds(30);
        var skipLocked = db.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "UPDATE webhook_deliveries SET locked_until = @until WHERE id IN (" +
                "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until <= @now) " +
                $"ORDER BY id LIMIT {options.BatchSize.ToString(CultureInfo.InvariantCulture)}{skipLocked}) RETURNING id";
            Add(command, "@now", now);
            Add(command, "@until", until);
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task SendAsync(long deliveryId, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).FirstAsync(d => d.Id == deliveryId, ct);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstAsync(e => e.Id == delivery.EndpointId, ct);
        var body = Body(delivery.Event!);
        var started = Stopwatch.GetTimestamp();
        var attemptedAt = clock.GetUtcNow().UtcDateTime;
        int? status = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Timeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(SignatureHeader, Sign(endpoint.Secret, body));
            request.Headers.Add("X-Entitle-Event", delivery.Event!.Type);
            request.Headers.Add("X-Entitle-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"The receiver answered HTTP {status}.";
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"No answer within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.";
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }

        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        db.WebhookAttempts.Add(WebhookAttempt.Record(delivery.Id, attemptedAt, status, error, elapsed));
        delivery.RecordAttempt(status, error, clock.GetUtcNow().UtcDateTime, options.MaxAttempts, options.BaseDelay);
        await db.SaveChangesAsync(ct);
        db.DiscardPending();
        if (delivery.Status == DeliveryStatus.Failed)
        {
            logger.LogWarning("Webhook delivery {Delivery} to endpoint {Endpoint} failed after {Attempts} attempts", delivery.Id, endpoint.Id, delivery.Attempts);
        }
    }

    private void Add(DbCommand command, string name, DateTime utc)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // SQLite keeps EF Core's text form of instants; PostgreSQL takes the UTC instant itself.
        parameter.Value = db.Provider == DatabaseProvider.Sqlite
            ? utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
            : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        command.Parameters.Add(parameter);
    }
}
