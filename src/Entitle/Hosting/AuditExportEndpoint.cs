using System.Globalization;
using System.Text;
using Entitle.Application.Audit;
using Entitle.Application.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Hosting;

/// <summary>
/// <c>GET /audit-events.csv?from=…&amp;until=…</c> with the bearer credential: every audit event the caller may see,
/// oldest first, as CSV (RFC 4180), streamed in pages so an export of any size uses constant memory.
/// </summary>
public static class AuditExportEndpoint
{
    private const int PageSize = 1000;

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit-events.csv", ExportAsync);
        return endpoints;
    }

    private static async Task ExportAsync(HttpContext http, CredentialAuthenticator authenticator, AuditQueries audits)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var caller = await authenticator.FindCallerAsync(header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null, http.RequestAborted);
        if (caller is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        DateTime? from = null;
        DateTime? until = null;
        if (!TryInstant(http.Request.Query["from"], ref from) || !TryInstant(http.Request.Query["until"], ref until))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("from and until must be ISO-8601 instants such as 2023-05-01T00:00:00Z.", http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit-events.csv\"";
        await http.Response.WriteAsync("id,occurredAt,entityType,entityId,action,actorOrganizationId,actorCredentialId,organizationId,before,after\r\n", http.RequestAborted);
        var query = audits.Visible(caller);
        if (from is { } f)
        {
            query = query.Where(e => e.OccurredAt >= f);
        }

        if (until is { } u)
        {
            query = query.Where(e => e.OccurredAt < u);
        }

        var last = 0L;
        while (true)
        {
            var after = last;
            var page = await query.Where(e => e.Id > after).OrderBy(e => e.Id).Take(PageSize).ToListAsync(http.RequestAborted);
            if (page.Count == 0)
            {
                break;
            }

            var text = new StringBuilder();
            foreach (var e in page)
            {
                text.AppendJoin(',', [
                    e.Id.ToString(CultureInfo.InvariantCulture), Domain.Instant.Format(e.OccurredAt), Csv(e.EntityType), Csv(e.EntityId), Csv(e.Action),
                    e.ActorOrganizationId?.ToString(CultureInfo.InvariantCulture) ?? "", e.ActorCredentialId?.ToString(CultureInfo.InvariantCulture) ?? "",
                    e.SubjectOrganizationId?.ToString(CultureInfo.InvariantCulture) ?? "", Csv(e.Before), Csv(e.After)]).Append("\r\n");
            }

            await http.Response.WriteAsync(text.ToString(), http.RequestAborted);
            last = page[^1].Id;
        }
    }

    private static bool TryInstant(string? text, ref DateTime? value)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A CSV field: quoted when it holds a comma, quote or line break; quotes doubled.</summary>
    private static string Csv(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
