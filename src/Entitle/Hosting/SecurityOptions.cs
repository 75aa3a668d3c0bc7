namespace Entitle.Hosting;

/// <summary>The <c>Security</c> configuration section (besides <c>CredentialPepper</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Redirect plain HTTP to HTTPS and send HSTS. Leave off behind a proxy that terminates TLS.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Trust X-Forwarded-For/-Proto from the reverse proxy in front of the nodes.</summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>The proxies whose forwarded headers are believed, by IP address; loopback is always among them.</summary>
    public IList<string> KnownProxies { get; } = [];
}
