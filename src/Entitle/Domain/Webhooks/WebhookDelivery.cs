namespace Entitle.Domain.Webhooks;

/// <summary>
/// One event on its way to one endpoint: attempted until a 2xx answer or the last attempt, with exponentially
/// growing delays between attempts.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
    }

    public long Id { get; private set; }

    public long EventId { get; private set; }

    public WebhookEvent? Event { get; private set; }

    public int EndpointId { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>While set and in the future, one worker is sending this delivery; others leave it alone.</summary>
    public DateTime? LockedUntil { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public int? LastResponseCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static WebhookDelivery Queue(WebhookEvent @event, int endpointId, DateTime now) => new()
    {
        Event = @event,
        EndpointId = endpointId,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>Records one attempt's outcome and schedules the next one, or gives up after the last.</summary>
    public void RecordAttempt(int? responseCode, string? error, DateTime now, int maxAttempts, TimeSpan baseDelay)
    {
        Attempts++;
        LastAttemptAt = now;
        LastResponseCode = responseCode;
        LastError = error;
        LockedUntil = null;
        if (responseCode is >= 200 and < 300)
        {
            Status = DeliveryStatus.Succeeded;
        }
        else if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + Backoff(Attempts, baseDelay);
        }
    }

    /// <summary>The wait after the given attempt: the base delay, doubled after each further failure.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay) =>
        TimeSpan.FromTicks(baseDelay.Ticks * (1L << Math.Min(attempt - 1, 20)));
}
