using Entitle.Persistence;

namespace Entitle.Hosting;

/// <summary>
/// One structured entry per request (category <c>Entitle.Requests</c>): method, path up to the TMS method, status,
/// duration and the organization and credential ids that acted. Never a query string, header or body: those carry
/// credentials and training keys. ASP.NET's own request logging is filtered out for the same reason.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers, TimeProvider clock)
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
                _logger.LogInformation(
                    "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms for organization {OrganizationId} (credential {CredentialId})",
                    http.Request.Method,
                    LoggedPaths.Of(http.Request.Path),
                    http.Response.StatusCode,
                    (long)clock.GetElapsedTime(started).TotalMilliseconds,
                    actor?.OrganizationId,
                    actor?.CredentialId);
            }
        }
    }
}
