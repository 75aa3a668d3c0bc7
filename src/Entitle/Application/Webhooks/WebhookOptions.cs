namespace Entitle.Application.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failed attempt; each further failure doubles it.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a receiver has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for due deliveries and expiring passes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many days before validUntil pass.expiring is emitted.</summary>
    public int ExpiringDays { get; set; } = 7;

    /// <summary>How many deliveries one worker claims at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Whether this process runs the background worker (tests drive it by hand).</summary>
    public bool WorkerEnabled { get; set; } = true;
}
