namespace Entitle.Domain.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>An attempt was answered with a 2xx status.</summary>
    Succeeded,

    /// <summary>Every attempt failed; no more will be made.</summary>
    Failed,
}
