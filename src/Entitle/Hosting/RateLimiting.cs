using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Entitle.Hosting;

/// <summary>
/// Per-credential rate limits. Beyond the limit a request is answered at once with 429 and <c>Retry-After</c>, in the
/// API's own shape: GraphQL <c>errors</c>, or the TMS envelope with a sentence. Health probes are never limited.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !options.Enabled || http.Request.Path.StartsWithSegments("/healthz") || http.Request.Path.StartsWithSegments("/readyz")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = options.Window,
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds;
                http.Response.ContentType = "application/json; charset=utf-8";
                var message = $"Too many requests: at most {options.PermitLimit} per {options.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds for one credential. Retry after {seconds} seconds.";
                var body = http.Request.Path.StartsWithSegments("/api")
                    ? $"{{\"Status\":10,\"Error\":\"{message}\"}}"
                    : $"{{\"errors\":[{{\"message\":\"{message}\",\"extensions\":{{\"code\":\"RATE_LIMITED\"}}}}]}}";
                await http.Response.WriteAsync(body, ct);
            };
        });
        return services;
    }

    /// <summary>The presented credential (hashed: no secret is kept as a key in memory), else the client's address.</summary>
    private static string PartitionOf(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : http.Request.Headers["api_key"].ToString();
        return secret.Length > 0
            ? "credential:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))
            : "address:" + http.Connection.RemoteIpAddress;
    }
}
