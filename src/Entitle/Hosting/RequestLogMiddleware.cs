using Entitle.Persistence;

namespace Entitle.Hosting;

/// <summary>
/// One structured entry per request (category <c>Entitle.Requests</c>): method, path up to the TMS method, status,
/// duration and the organization and credential ids that acted. Never a query string, header or body: those carry
/// credentials and training keys. ASP.NET's own request logging is filtered out for the same reason.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers, TimeProvider clock)
{
    private readonly ILogger _logger = loggers.CreateLogger("Entitle.Requests");

    public async Task InvokeAsync(HttpContext http)
    {
        var started = clock.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var actor = http.RequestServices.GetService<AuditActor>();
                Answered(
                    _logger,
                    http.Request.Method,
                    LoggedPaths.Of(http.Request.Path),
                    http.Response.StatusCode,
                    (long)clock.GetElapsedTime(started).TotalMilliseconds,
                    actor?.OrganizationId,
                    actor?.CredentialId);
            }
        }
    }

    // Generated at build time: the entry's values are kept as they are, not boxed into an array on every request.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms for organization {OrganizationId} (credential {CredentialId})", SkipEnabledCheck = true)]
    private static partial void Answered(ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds, int? organizationId, int? credentialId);
}
