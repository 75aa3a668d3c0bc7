using System.Globalization;
using System.Text.Json;
using Entitle.Application.Organizations;
using Entitle.Bench.Data;
using Entitle.Domain;
using Entitle.Domain.Keys;
using Entitle.Domain.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Entitle.Bench.Baseline;

/// <summary>
/// W3's floor: <c>CreateSubscriptionTrainingKeys</c> for <c>numberOfKeys</c> keys: the credential, a check of the
/// keys' organization (inside the caller's reach) and the pass type (published, theirs or from above), then one
/// transaction holding the batch row and the keys by the provider's fastest bulk path (SQLite: one prepared
/// statement; PostgreSQL: binary COPY), the batch's audit event and its webhook event; every key and id answered,
/// written by hand. The same rows as the service writes (<c>BaselineAgreementTests</c>).
/// </summary>
public sealed class KeyMintingBaseline(BaselineDatabase database, CredentialHasher hasher, TimeProvider clock)
{
    private static readonly TableShape Batches = TableShape.Of("key_batches",
        ("id", ColumnKind.WholeNumber), ("organization_id", ColumnKind.WholeNumber), ("pass_type_id", ColumnKind.WholeNumber), ("key_count", ColumnKind.WholeNumber),
        ("caller_chosen", ColumnKind.Boolean), ("created_at", ColumnKind.Instant), ("created_by_organization_id", ColumnKind.WholeNumber));

    public async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var count = int.Parse(form["numberOfKeys"].ToString(), CultureInfo.InvariantCulture);
        var passType = int.Parse(form["subscriptionProfileId"].ToString(), CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(form["expirationDate"].ToString(), CultureInfo.InvariantCulture)).UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        var organization = int.Parse(form["organizationId"].ToString(), CultureInfo.InvariantCulture);

        BaselineCaller? caller;
        string organizationPath;
        await using (var connection = await database.OpenAsync(context.RequestAborted))
        {
            caller = await BaselineCaller.FindAsync(connection, hasher, context);
            if (caller is null)
            {
                await BaselineAnswers.TmsErrorAsync(context, 30, "Unknown credential.");
                return;
            }

            await using var check = connection.CreateCommand();
            // The keys' organization must be inside the caller's reach; the pass type published and the
            // organization's own or from one above it.
            check.CommandText = """
                SELECT o.path FROM pass_types t JOIN organizations o ON o.id = @organization JOIN organizations owner ON owner.id = t.organization_id
                WHERE t.id = @id AND t.lifecycle_state = 'published' AND substr(o.path, 1, length(owner.path)) = owner.path AND substr(o.path, 1, length(@caller)) = @caller
                """;
            BaselineDatabase.Parameter(check, "id", passType);
            BaselineDatabase.Parameter(check, "organization", organization);
            BaselineDatabase.Parameter(check, "caller", caller.Path);
            if (await check.ExecuteScalarAsync(context.RequestAborted) is not string path)
            {
                await BaselineAnswers.TmsErrorAsync(context, 20, "The organization or the subscription profile was not found.");
                return;
            }

            organizationPath = path;
        }

        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = TrainingKeyText.Generate();
        }

        int firstId;
        using (await database.TakeWriteTurnAsync(context.RequestAborted))
        await using (var writer = await database.OpenWriterAsync(context.RequestAborted))
        {
            var batch = await writer.ReserveIdsAsync(Batches, 1, context.RequestAborted);
            await writer.WriteAsync(Batches, [[batch, organization, passType, count, false, now, caller.OrganizationId]], context.RequestAborted);
            firstId = await writer.ReserveIdsAsync(BenchDataGenerator.TrainingKeys, count, context.RequestAborted);
            await writer.WriteAsync(BenchDataGenerator.TrainingKeys, Rows(keys, firstId, organization, passType, expires, now, batch, caller.OrganizationId), context.RequestAborted);
            var minted = JsonSerializer.Serialize(new
            {
                batchId = batch,
                count,
                firstId,
                lastId = firstId + count - 1,
                organizationId = organization,
                passTypeId = passType,
                expirationDate = Instant.Format(expires),
                maxKeyUses = 1,
                contentExpirationDate = (string?)null,
                callerChosen = false,
            });
            await BaselineWrites.AuditAsync(writer.Transaction, caller, now, [new("minted", "TrainingKeyBatch", batch, organization, minted)], context.RequestAborted);
            await BaselineWrites.PublishAsync(writer.Transaction, organization, organizationPath, now, [(WebhookEventTypes.KeysMinted, minted)], context.RequestAborted);
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

    private static IEnumerable<object?[]> Rows(string[] keys, int firstId, int organization, int passType, DateTime expires, DateTime now, int batch, int creator)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return [firstId + i, keys[i], keys[i], organization, passType, expires, 1, 0, now, creator, now, creator, batch, 0];
        }
    }
}
