using System.Globalization;
using System.Text;
using Entitle.Application.Keys;
using Entitle.Web.Sessions;

namespace Entitle.Web;

/// <summary>
/// A batch's keys as a CSV file for the signed-in administrator, streamed row by row (a batch holds up to 100,000
/// keys) so that memory stays flat. Keys hold only letters, digits, '-' and '_', so no cell needs quoting.
/// </summary>
public static class KeyBatchCsv
{
    public const string Header = "key,uses,max_uses,expiration_date,content_expiration_date";

    public static async Task DownloadAsync(HttpContext http, int batchId, KeyBatchQueries batches)
    {
        var keys = await batches.KeysAsync(AdminSessions.CallerOf(http), batchId, http.RequestAborted);
        if (keys is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("No key batch with this id is visible to your organization.", http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"entitle-keys-batch-{batchId.ToString(CultureInfo.InvariantCulture)}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
        await writer.WriteAsync(Header + "\n");
        await foreach (var key in keys.WithCancellation(http.RequestAborted))
        {
            await writer.WriteAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{key.Key},{key.Uses},{key.MaxKeyUses},{key.ExpirationDate:yyyy-MM-ddTHH:mm:ssZ},{(key.ContentExpirationDate is { } content ? content.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "")}\n"));
        }
    }
}
