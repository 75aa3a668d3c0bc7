using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Hosting;

/// <summary>
/// When the database cannot be reached (after the transient-failure retries), the request is answered at once with
/// 503 and <c>Retry-After</c>, in the API's own shape, rather than hanging or answering a bare 500: a load balancer
/// or client knows to try again, and the node recovers by itself when the database is back.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (IsDatabaseOutage(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(e, "The database is unavailable; answered 503");
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.ContentType = "application/json; charset=utf-8";
            var message = e is Application.CommitOutcomeUnknownException
                ? "The database failed while saving; the change may or may not have been made. Retry with the same Idempotency-Key to be sure."
                : "The database is unavailable; nothing was changed. Try again in a few seconds.";
            var body = http.Request.Path.StartsWithSegments("/api")
                ? "{\"Status\":10,\"Error\":\"" + message + "\"}"
                : "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"DATABASE_UNAVAILABLE\"}}]}";
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), http.RequestAborted);
        }
    }

    private static bool IsDatabaseOutage(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is DbException or RetryLimitExceededException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
