using System.Globalization;
using System.Text.Json;
using Entitle.Application.Organizations;
using Entitle.Bench.Hosting;
using Entitle.Domain;
using Entitle.Domain.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Entitle.Bench.Baseline;

/// <summary>
/// W5's floor: GraphQL <c>issuePass</c> as one transaction of hand-written SQL. One statement reads what the rules
/// need (the pass type visible to the caller and its organization's path, the option of that type, the learner
/// inside the caller's reach); then the pass, its audit event and its webhook event are written, as the service
/// writes them, and the payload is written by hand.
/// </summary>
public sealed class IssueBaseline(BaselineDatabase database, CredentialHasher hasher, TimeProvider clock)
{
    private const string Facts = """
        SELECT t.lifecycle_state, tor.path, op.lifecycle_state, c.organization_id, co.path
        FROM pass_types t
        JOIN organizations tor ON tor.id = t.organization_id
        JOIN contacts c ON c.id = @contact
        JOIN organizations co ON co.id = c.organization_id
        LEFT JOIN pass_type_options op ON op.id = @option AND op.pass_type_id = t.id
        WHERE t.id = @type
          AND (substr(tor.path, 1, length(@caller)) = @caller OR substr(@caller, 1, length(tor.path)) = tor.path)
          AND substr(co.path, 1, length(@caller)) = @caller
        """;

    public async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var typeId = int.Parse(form["passTypeId"].ToString(), CultureInfo.InvariantCulture);
        var optionId = int.Parse(form["optionId"].ToString(), CultureInfo.InvariantCulture);
        var contactId = int.Parse(form["contactId"].ToString(), CultureInfo.InvariantCulture);
        var from = DateTime.Parse(form["validFrom"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var until = DateTime.Parse(form["validUntil"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var now = clock.GetUtcNow().UtcDateTime;
        var ct = context.RequestAborted;

        await using var connection = await database.OpenAsync(ct);
        var caller = await BaselineCaller.FindAsync(connection, hasher, context);
        if (caller is null)
        {
            context.Response.StatusCode = 401;
            return;
        }

        using var turn = await database.TakeWriteTurnAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        string? refusal = null;
        int contactOrganization = 0;
        string contactPath = "";
        await using (var read = BaselineWrites.Command(transaction, Facts))
        {
            BaselineDatabase.Parameter(read, "contact", contactId);
            BaselineDatabase.Parameter(read, "option", optionId);
            BaselineDatabase.Parameter(read, "type", typeId);
            BaselineDatabase.Parameter(read, "caller", caller.Path);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                refusal = "The pass type or the learner was not found.";
            }
            else
            {
                contactOrganization = reader.GetInt32(3);
                contactPath = reader.GetString(4);
                refusal = reader.GetString(0) != "published" ? "Only a published training pass type can be issued."
                    : reader.IsDBNull(2) ? "The option is not one of this pass type's."
                    : reader.GetString(2) != "published" ? "Only a published option can be issued."
                    : !contactPath.StartsWith(reader.GetString(1), StringComparison.Ordinal) ? "The learner is outside the pass type's organization."
                    : until <= from ? "validUntil must be later than validFrom."
                    : null;
            }
        }

        if (refusal is not null)
        {
            await WriteAsync(context, null, from, until, refusal);
            return;
        }

        var passId = await BaselineWrites.InsertPassAsync(transaction, typeId, optionId, contactId, from, until, now, ct);
        await BaselineWrites.AuditAsync(transaction, caller, now, [new("created", "TrainingPass", passId, contactOrganization, BaselineWrites.CreatedPassJson(passId, typeId, optionId, contactId, from, until, now))], ct);
        await BaselineWrites.PublishAsync(transaction, contactOrganization, contactPath, now, [(WebhookEventTypes.PassIssued, BaselineWrites.PassIssuedJson(passId, typeId, optionId, contactId, from, until))], ct);
        await transaction.CommitAsync(ct);
        await WriteAsync(context, passId, from, until, null);
    }

    private static async Task WriteAsync(HttpContext context, int? passId, DateTime from, DateTime until, string? refusal)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("trainingPass");
        json.WriteStartObject("issuePass");
        if (passId is { } id)
        {
            json.WriteStartObject("trainingPass");
            json.WriteString("id", GlobalIds.Of("TrainingPass", id));
            json.WriteString("validFrom", Instant.Format(from));
            json.WriteString("validUntil", Instant.Format(until));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("trainingPass");
        }

        json.WriteStartArray("errors");
        if (refusal is not null)
        {
            json.WriteStartObject();
            json.WriteString("label", "input");
            json.WriteString("message", refusal);
            json.WriteNull("value");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
