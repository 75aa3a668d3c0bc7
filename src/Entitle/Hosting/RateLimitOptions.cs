namespace Entitle.Hosting;

/// <summary>
/// The <c>RateLimit</c> configuration section: requests per credential (or, without one, per address) in a fixed
/// window. The default is the vendor's: 6,000 requests per 5 minutes. Each node counts its own requests.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    public bool Enabled { get; set; } = true;

    public int PermitLimit { get; set; } = 6000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
