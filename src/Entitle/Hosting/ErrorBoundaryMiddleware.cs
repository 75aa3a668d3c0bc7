using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Hosting;

/// <summary>
/// The last line: no exception leaves the app as a stack trace or a bare 500 page.
/// <list type="bullet">
/// <item>When the database cannot be reached (after the transient-failure retries), 503 with <c>Retry-After</c>, at
/// once rather than hanging: a balancer or client tries again, and the node recovers by itself.</item>
/// <item>A request the server itself refuses while the app reads it (a body that stalls, ends early or is too
/// large) is answered with the server's 4xx.</item>
/// <item>Anything else unexpected is logged and answered 500 with a sentence and no detail.</item>
/// </list>
/// Answers take the API's own shape: the TMS envelope under <c>/api</c>, GraphQL <c>errors</c> at <c>/graphql</c> and for
/// any client that does not ask for HTML, and a page for a browser on the web pages.
/// </summary>
public sealed class ErrorBoundaryMiddleware(RequestDelegate next, ILogger<ErrorBoundaryMiddleware> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            int status;
            string message;
            string code;
            if (e is Application.CommitOutcomeUnknownException)
            {
                logger.LogError(e, "The database failed while committing");
                (status, code, message) = (StatusCodes.Status503ServiceUnavailable, "COMMIT_OUTCOME_UNKNOWN", "The database failed while saving; the change may or may not have been made. Retry with the same Idempotency-Key to be sure.");
            }
            else if (e is BadHttpRequestException unreadable)
            {
                // The server refused the request itself (a body that stalls, ends early or grows too large): the
                // client's fault, answered with the server's own 4xx.
                (status, code, message) = unreadable.StatusCode switch
                {
                    StatusCodes.Status408RequestTimeout => (unreadable.StatusCode, "REQUEST_TIMEOUT", "The request body arrived too slowly; nothing was changed."),
                    StatusCodes.Status413PayloadTooLarge => (unreadable.StatusCode, "PAYLOAD_TOO_LARGE", "The request body is too large; nothing was changed."),
                    _ => (StatusCodes.Status400BadRequest, "BAD_REQUEST", "The request body could not be read; nothing was changed."),
                };
            }
            else if (IsDatabaseOutage(e))
            {
                logger.LogWarning(e, "The database is unavailable; answered 503");
                (status, code, message) = (StatusCodes.Status503ServiceUnavailable, "DATABASE_UNAVAILABLE", "The database is unavailable; nothing was changed. Try again in a few seconds.");
            }
            else
            {
                logger.LogError(e, "Unhandled error on {Method} {Path}", http.Request.Method, LoggedPaths.Of(http.Request.Path));
                (status, code, message) = (StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "The request could not be completed. Nothing was changed; try again later.");
            }

            http.Response.Clear();
            http.Response.StatusCode = status;
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            string body;
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/2.0/docs"))
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                body = "{\"Status\":10,\"Error\":\"" + message + "\"}";
            }
            else if (path.Equals("/graphql", StringComparison.OrdinalIgnoreCase) || !AcceptsHtml(http.Request))
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}";
            }
            else
            {
                // A person in a browser gets a page in the site's language, not a JSON document.
                http.Response.ContentType = "text/html; charset=utf-8";
                body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Something went wrong · Entitle</title></head>"
                    + "<body><main><h1>Something went wrong</h1><p role=\"alert\">" + message + "</p><p><a href=\"/\">Back to the start</a></p></main></body></html>";
            }

            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), http.RequestAborted);
        }
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));

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
