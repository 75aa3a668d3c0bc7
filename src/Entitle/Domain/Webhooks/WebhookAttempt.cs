namespace Entitle.Domain.Webhooks;

/// <summary>One attempt to deliver: when, what the receiver answered (or why there was no answer), how long it took.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    public long Id { get; private set; }

    public long DeliveryId { get; private set; }

    public DateTime AttemptedAt { get; private set; }

    public int? ResponseCode { get; private set; }

    public string? Error { get; private set; }

    public bool Succeeded { get; private set; }

    public int DurationMilliseconds { get; private set; }

    public static WebhookAttempt Record(long deliveryId, DateTime attemptedAt, int? responseCode, string? error, int durationMilliseconds) => new()
    {
        DeliveryId = deliveryId,
        AttemptedAt = attemptedAt,
        ResponseCode = responseCode,
        Error = error is { Length: > 500 } ? error[..500] : error,
        Succeeded = responseCode is >= 200 and < 300,
        DurationMilliseconds = durationMilliseconds,
    };
}
