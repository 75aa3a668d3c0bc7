using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Entitle.Bench.Baseline;

/// <summary>Refusals in the TMS envelope, written by hand; the suite's requests should never see one.</summary>
public static class BaselineAnswers
{
    public static async Task TmsErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteNumber("Status", status);
        json.WriteString("Error", error);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
