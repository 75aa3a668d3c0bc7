using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Entitle.Bench.Data;
using Entitle.Domain.Keys;

namespace Entitle.Bench.Baseline;

/// <summary>
/// W3's floor: <c>CreateSubscriptionTrainingKeys</c> for <c>numberOfKeys</c> keys as one transaction holding a
/// check of the pass type, the batch row and the keys by the provider's fastest bulk path (SQLite: one prepared
/// statement; PostgreSQL: binary COPY), answering every key and id written by hand.
/// </summary>
public sealed class KeyMintingBaseline(BaselineDatabase database)
{
    private static readonly TableShape Batches = TableShape.Of("key_batches",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("pass_type_id", ColumnKind.WholeNumber), ("key_count", ColumnKind.WholeNumber),
        ("caller_chosen", ColumnKind.Boolean), ("created_at", ColumnKind.Instant), ("created_by_organization_id", ColumnKind.WholeNumber));

    public async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var count = int.Parse(form["numberOfKeys"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var passType = int.Parse(form["subscriptionProfileId"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["expirationDate"].ToString(), System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var organization = int.Parse(form["organizationId"].ToString(), System.Globalization.CultureInfo.InvariantCulture);

        await using (var connection = await database.OpenAsync(context.RequestAborted))
        await using (var check = connection.CreateCommand())
        {
            // The pass type must be published and belong to the keys' organization or one above it.
            check.CommandText = "SELECT t.lifecycle_state FROM pass_types t JOIN organizations o ON o.id = @organization JOIN organizations owner ON owner.id = t.organization_id WHERE t.id = @id AND substr(o.path, 1, length(owner.path)) = owner.path";
            BaselineDatabase.Parameter(check, "id", passType);
            BaselineDatabase.Parameter(check, "organization", organization);
            if (await check.ExecuteScalarAsync(context.RequestAborted) is not "published")
            {
                context.Response.StatusCode = 400;
                return;
            }
        }

        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = TrainingKeyText.Generate();
        }

        int firstId;
        await using (var writer = await database.OpenWriterAsync(context.RequestAborted))
        {
            var batch = await writer.ReserveIdsAsync(Batches, 1, context.RequestAborted);
            await writer.WriteAsync(Batches, [[batch, organization, passType, count, false, now, organization]], context.RequestAborted);
            firstId = await writer.ReserveIdsAsync(BenchDataGenerator.TrainingKeys, count, context.RequestAborted);
            await writer.WriteAsync(BenchDataGenerator.TrainingKeys, Rows(keys, firstId, organization, passType, expires, now, batch), context.RequestAborted);
            await writer.CommitAsync(context.RequestAborted);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteNumber("Status", 0);
        json.WriteNull("Error");
        json.WriteStartArray("CreateSubscriptionsResults");
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("Id", firstId + i);
            json.WriteString("trainingKey", keys[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static IEnumerable<object?[]> Rows(string[] keys, int firstId, int organization, int passType, DateTime expires, DateTime now, int batch)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return [firstId + i, keys[i], keys[i], organization, passType, expires, 1, 0, now, organization, now, organization, batch, 0];
        }
    }
}
