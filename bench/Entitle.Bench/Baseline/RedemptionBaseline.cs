using System.Globalization;
using System.Text.Json;
using Entitle.Application.Organizations;
using Entitle.Domain.Keys;
using Entitle.Domain.PassTypes;
using Entitle.Domain.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Entitle.Bench.Baseline;

/// <summary>
/// W4's floor: <c>RedeemSubscriptionTrainingKey</c> as one transaction of hand-written SQL. One statement reads
/// everything the rules need (the key inside the caller's reach, its pass type and first published option, the
/// learner inside the caller's reach, whether they redeemed it before); the use is taken by the same conditional
/// UPDATE the service runs; then the pass, the redemption, two audit events and two webhook events are written,
/// as the service writes them.
/// </summary>
public sealed class RedemptionBaseline(BaselineDatabase database, CredentialHasher hasher, TimeProvider clock)
{
    private const string Facts = """
        SELECT k.id, k.key, k.organization_id, ko.path, k.expiration_date, k.content_expiration_date, k.pass_type_id, t.lifecycle_state,
               op.id, op.period_unit, op.period_value, c.organization_id, co.path,
               EXISTS (SELECT 1 FROM key_redemptions r WHERE r.key_id = k.id AND r.contact_id = c.id)
        FROM training_keys k
        JOIN organizations ko ON ko.id = k.organization_id
        JOIN pass_types t ON t.id = k.pass_type_id
        JOIN contacts c ON c.id = @contact
        JOIN organizations co ON co.id = c.organization_id
        LEFT JOIN pass_type_options op ON op.id = (SELECT MIN(o.id) FROM pass_type_options o WHERE o.pass_type_id = t.id AND o.lifecycle_state = 'published')
        WHERE k.normalized_key = @key AND substr(ko.path, 1, length(@caller)) = @caller AND substr(co.path, 1, length(@caller)) = @caller
        """;

    public async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var keyText = TrainingKeyText.Normalize(form["trainingKey"].ToString());
        var contactId = int.Parse(form["userId"].ToString(), CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow().UtcDateTime;
        var ct = context.RequestAborted;

        await using var connection = await database.OpenAsync(ct);
        var caller = await BaselineCaller.FindAsync(connection, hasher, context);
        if (caller is null)
        {
            await BaselineAnswers.TmsErrorAsync(context, 30, "Unknown credential.");
            return;
        }

        using var turn = await database.TakeWriteTurnAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        RedemptionFacts? facts = null;
        await using (var read = BaselineWrites.Command(transaction, Facts))
        {
            BaselineDatabase.Parameter(read, "contact", contactId);
            BaselineDatabase.Parameter(read, "key", keyText);
            BaselineDatabase.Parameter(read, "caller", caller.Path);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                facts = new RedemptionFacts(
                    reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), Utc(reader.GetDateTime(4)),
                    reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)), reader.GetInt32(6), reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? 0 : reader.GetInt32(10),
                    reader.GetInt32(11), reader.GetString(12), reader.GetBoolean(13));
            }
        }

        var refusal = facts switch
        {
            null => "The key or the learner was not found.",
            { ContactPath: var path, KeyOrganizationPath: var keyPath } when !path.StartsWith(keyPath, StringComparison.Ordinal) => "This learner is outside the key's organization.",
            _ when now >= facts.ExpirationDate => "This key expired.",
            { AlreadyRedeemed: true } => "This learner has already redeemed this key.",
            { TypeState: not "published" } => "The pass type is no longer published.",
            { ContentExpirationDate: { } end } when end <= now => "Access through this key ended.",
            { ContentExpirationDate: null, OptionId: null } => "The pass type has no published option.",
            _ => null,
        };
        if (refusal is not null)
        {
            await BaselineAnswers.TmsErrorAsync(context, 20, refusal);
            return;
        }

        await using (var take = BaselineWrites.Command(transaction, "UPDATE training_keys SET uses = uses + 1, version = version + 1 WHERE id = @id AND uses < max_key_uses AND expiration_date > @now"))
        {
            BaselineDatabase.Parameter(take, "id", facts!.KeyId);
            BaselineDatabase.Parameter(take, "now", now);
            if (await take.ExecuteNonQueryAsync(ct) == 0)
            {
                await BaselineAnswers.TmsErrorAsync(context, 20, "This key has been used the maximum number of times.");
                return;
            }
        }

        var until = facts.ContentExpirationDate
            ?? new ValidityPeriod(Enum.Parse<PeriodUnit>(facts.PeriodUnit!, ignoreCase: true), facts.PeriodValue).AddTo(now, "validFrom");
        var passId = await BaselineWrites.InsertPassAsync(transaction, facts.PassTypeId, facts.OptionId, contactId, now, until, now, ct);
        await using (var record = BaselineWrites.Command(transaction, "INSERT INTO key_redemptions (contact_id, key_id, pass_id, redeemed_at) VALUES (@contact, @key, @pass, @now)"))
        {
            BaselineDatabase.Parameter(record, "contact", contactId);
            BaselineDatabase.Parameter(record, "key", facts.KeyId);
            BaselineDatabase.Parameter(record, "pass", passId);
            BaselineDatabase.Parameter(record, "now", now);
            await record.ExecuteNonQueryAsync(ct);
        }

        await BaselineWrites.AuditAsync(transaction, caller, now,
        [
            new("created", "TrainingPass", passId, facts.ContactOrganizationId, BaselineWrites.CreatedPassJson(passId, facts.PassTypeId, facts.OptionId, contactId, now, until, now)),
            new("redeemed", "TrainingKey", facts.KeyId, facts.KeyOrganizationId, BaselineWrites.Json(("contactId", contactId), ("passId", passId))),
        ], ct);
        await BaselineWrites.PublishAsync(transaction, facts.ContactOrganizationId, facts.ContactPath, now,
        [
            (WebhookEventTypes.KeyRedeemed, KeyRedeemedJson(facts, contactId, passId)),
            (WebhookEventTypes.PassIssued, BaselineWrites.PassIssuedJson(passId, facts.PassTypeId, facts.OptionId, contactId, now, until)),
        ], ct);
        await transaction.CommitAsync(ct);

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteNumber("Status", 0);
        json.WriteNull("Error");
        json.WriteNumber("ClubMembershipId", passId);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static string KeyRedeemedJson(RedemptionFacts facts, int contactId, int passId) =>
        JsonSerializer.Serialize(new { keyId = facts.KeyId, trainingKey = facts.Key, contactId, passId });

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
