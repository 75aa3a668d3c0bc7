using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Entitle.Domain;
using Entitle.Domain.Organizations;

namespace Entitle.Bench.Baseline;

/// <summary>
/// The rows a pass issued by a use case leaves besides itself, written by hand inside the caller's transaction: the
/// pass, audit events, and the webhook outbox (events, checked against the endpoints that listen). These are the
/// rows the service writes for the same change, so that the write baselines do the same work, not less.
/// </summary>
public static class BaselineWrites
{
    public static async Task<int> InsertPassAsync(DbTransaction transaction, int passTypeId, int? optionId, int contactId, DateTime validFrom, DateTime validUntil, DateTime now, CancellationToken cancellationToken)
    {
        await using var insert = Command(transaction,
            "INSERT INTO passes (cancelled_at, contact_id, created_at, expired_notified_for, expiring_notified_for, external_id, option_id, pass_type_id, target_completion, updated_at, valid_from, valid_until, version) "
            + "VALUES (NULL, @contact, @now, NULL, NULL, NULL, @option, @type, NULL, @now, @from, @until, 0) RETURNING id");
        BaselineDatabase.Parameter(insert, "contact", contactId);
        BaselineDatabase.Parameter(insert, "now", now);
        BaselineDatabase.Parameter(insert, "option", optionId);
        BaselineDatabase.Parameter(insert, "type", passTypeId);
        BaselineDatabase.Parameter(insert, "from", validFrom);
        BaselineDatabase.Parameter(insert, "until", validUntil);
        return Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>One statement for all the audit events of a change.</summary>
    public static async Task AuditAsync(DbTransaction transaction, BaselineCaller caller, DateTime now, IReadOnlyList<BaselineAuditEvent> events, CancellationToken cancellationToken)
    {
        await using var insert = Command(transaction, "INSERT INTO audit_events (action, actor_credential_id, actor_organization_id, after, before, entity_id, entity_type, occurred_at, subject_organization_id) VALUES "
            + string.Join(", ", events.Select((_, i) => $"(@action{i}, @credential, @actor, @after{i}, NULL, @entity{i}, @type{i}, @now, @subject{i})")));
        BaselineDatabase.Parameter(insert, "credential", caller.CredentialId);
        BaselineDatabase.Parameter(insert, "actor", caller.OrganizationId);
        BaselineDatabase.Parameter(insert, "now", now);
        for (var i = 0; i < events.Count; i++)
        {
            BaselineDatabase.Parameter(insert, $"action{i}", events[i].Action);
            BaselineDatabase.Parameter(insert, $"after{i}", events[i].After);
            BaselineDatabase.Parameter(insert, $"entity{i}", events[i].EntityId.ToString(CultureInfo.InvariantCulture));
            BaselineDatabase.Parameter(insert, $"type{i}", events[i].EntityType);
            BaselineDatabase.Parameter(insert, $"subject{i}", events[i].SubjectOrganizationId);
        }

        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The outbox: the endpoints of the subject's organization and those above it are looked up; each event is
    /// written in one statement. The bench's data sets have no endpoints; a delivery row per listening endpoint is
    /// not written here, so a database with endpoints is refused rather than measured doing less work.
    /// </summary>
    public static async Task PublishAsync(DbTransaction transaction, int subjectOrganizationId, string subjectPath, DateTime now, IReadOnlyList<(string Type, string Data)> events, CancellationToken cancellationToken)
    {
        var listeners = Organization.IdsOnPath(subjectPath);
        await using (var endpoints = Command(transaction, $"SELECT COUNT(*) FROM webhook_endpoints WHERE enabled AND organization_id IN ({string.Join(", ", listeners.Select((_, i) => "@l" + i))})"))
        {
            for (var i = 0; i < listeners.Length; i++)
            {
                BaselineDatabase.Parameter(endpoints, "l" + i, listeners[i]);
            }

            if (Convert.ToInt64(await endpoints.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                throw new InvalidOperationException("The write baselines do not queue webhook deliveries; run them on a database without endpoints.");
            }
        }

        await using var insert = Command(transaction, "INSERT INTO webhook_events (data, occurred_at, subject_organization_id, type) VALUES "
            + string.Join(", ", events.Select((_, i) => $"(@data{i}, @now, @subject, @type{i})")));
        BaselineDatabase.Parameter(insert, "now", now);
        BaselineDatabase.Parameter(insert, "subject", subjectOrganizationId);
        for (var i = 0; i < events.Count; i++)
        {
            BaselineDatabase.Parameter(insert, $"data{i}", events[i].Data);
            BaselineDatabase.Parameter(insert, $"type{i}", events[i].Type);
        }

        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The audit trail's record of a new pass: every column of the row, as the service's audit trail writes it.</summary>
    public static string CreatedPassJson(int passId, int passTypeId, int? optionId, int contactId, DateTime validFrom, DateTime validUntil, DateTime now) =>
        JsonSerializer.Serialize(new
        {
            id = passId,
            cancelledAt = (string?)null,
            contactId,
            createdAt = Instant.Format(now),
            expiredNotifiedFor = (string?)null,
            expiringNotifiedFor = (string?)null,
            externalId = (string?)null,
            optionId,
            passTypeId,
            targetCompletion = (string?)null,
            updatedAt = Instant.Format(now),
            validFrom = Instant.Format(validFrom),
            validUntil = Instant.Format(validUntil),
        });

    /// <summary>A <c>pass.issued</c> webhook event's data, as the service's events describe a pass.</summary>
    public static string PassIssuedJson(int passId, int passTypeId, int? optionId, int contactId, DateTime validFrom, DateTime validUntil) =>
        JsonSerializer.Serialize(new
        {
            passId,
            contactId,
            trainingPassTypeId = passTypeId,
            trainingPassTypeOptionId = optionId,
            validFrom = Instant.Format(validFrom),
            validUntil = Instant.Format(validUntil),
            cancelled = false,
        });

    /// <summary>A small JSON object of whole numbers, as the service records them.</summary>
    public static string Json(params (string Name, int Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
