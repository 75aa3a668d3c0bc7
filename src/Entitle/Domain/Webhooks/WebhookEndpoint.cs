using System.Security.Cryptography;

namespace Entitle.Domain.Webhooks;

/// <summary>
/// Where an organization wants to be told about changes: an HTTP(S) URL, the event types it cares about, and the
/// secret its deliveries are signed with (HMAC-SHA256 over the body). It hears about its own organization and the
/// organizations below it.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 2000;

    private WebhookEndpoint()
    {
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public string Url { get; private set; } = "";

    /// <summary>The event types, comma-separated.</summary>
    public string EventTypes { get; private set; } = "";

    public string Secret { get; private set; } = "";

    public bool Enabled { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static WebhookEndpoint Register(int organizationId, string? url, IEnumerable<string>? eventTypes, bool enabled, DateTime now) => new()
    {
        OrganizationId = organizationId,
        Url = CheckUrl(url),
        EventTypes = string.Join(",", WebhookEventTypes.Check(eventTypes, "eventTypes")),
        Secret = NewSecret(),
        Enabled = enabled,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Change(string? url, IEnumerable<string>? eventTypes, bool? enabled, bool rotateSecret, DateTime now)
    {
        if (url is not null)
        {
            Url = CheckUrl(url);
        }

        if (eventTypes is not null)
        {
            EventTypes = string.Join(",", WebhookEventTypes.Check(eventTypes, "eventTypes"));
        }

        if (enabled is { } value)
        {
            Enabled = value;
        }

        if (rotateSecret)
        {
            Secret = NewSecret();
        }

        UpdatedAt = now;
    }

    public bool Wants(string eventType) => Enabled && EventTypeList.Contains(eventType);

    private static string CheckUrl(string? url)
    {
        var text = url?.Trim() ?? "";
        if (text.Length > UrlMaxLength || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new DomainRuleException("url", "url must be an absolute http or https address.", url);
        }

        return uri.ToString();
    }

    private static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
