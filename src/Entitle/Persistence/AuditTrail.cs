using System.Globalization;
using System.Text.Json.Nodes;
using Entitle.Domain.Audit;
using Entitle.Domain.Contacts;
using Entitle.Domain.Keys;
using Entitle.Domain.Organizations;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;
using Entitle.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Entitle.Persistence;

/// <summary>
/// Turns the change tracker's pending changes to audited rows (pass types, their content, options and prices,
/// passes, keys, organizations, credentials) into audit events. One event per changed row; a type's content
/// changes of one save make one event; a row whose only change is its timestamp or version makes none. Events are
/// completed after the save, when generated ids are known, and saved in the same transaction.
/// </summary>
public static class AuditTrail
{
    // Timestamps, versions and the organization path filled in right after creation are bookkeeping, not changes.
    /// <summary>Stored text, not HTML: keep quotes and plus signs as they are.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Bookkeeping = [nameof(PassType.UpdatedAt), VersionedEntities.PropertyName, nameof(Organization.Path)];

    public static List<Func<DateTime, AuditActor?, AuditEvent>> Capture(ChangeTracker tracker)
    {
        var pending = new List<Func<DateTime, AuditActor?, AuditEvent>>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var entityType = EntityName(entry.Entity);
            if (entityType is null || entry.Entity is PassTypeContentItem)
            {
                continue;
            }

            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)).Select(p => p.Metadata.Name).ToList()
                : null;
            if (changed is { Count: 0 })
            {
                continue;
            }

            var state = entry.State;
            var before = state == EntityState.Added ? null : Values(entry, original: true, changed);
            pending.Add((now, actor) => AuditEvent.Record(
                now,
                actor?.OrganizationId,
                actor?.CredentialId,
                Subject(tracker, entry.Entity) ?? actor?.OrganizationId,
                entityType,
                Key(entry),
                state switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" },
                before?.ToJsonString(Json),
                state == EntityState.Deleted ? null : Values(entry, original: false, changed).ToJsonString(Json)));
        }

        foreach (var group in tracker.Entries<PassTypeContentItem>().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList()
            .GroupBy(e => (e.Entity, e.State)).GroupBy(g => (g.Key.Entity.PassTypeId, g.Key.State)))
        {
            var items = group.SelectMany(g => g).Select(e => e.Entity).ToList();
            var added = group.Key.State == EntityState.Added;
            var first = items[0];
            pending.Add((now, actor) =>
            {
                var typeId = first.PassTypeId;
                var content = new JsonObject
                {
                    ["courseTemplateIds"] = new JsonArray(items.Where(i => i.CourseTemplateId is not null).Select(i => (JsonNode)i.CourseTemplateId!.Value).ToArray()),
                    ["learningPathIds"] = new JsonArray(items.Where(i => i.LearningPathId is not null).Select(i => (JsonNode)i.LearningPathId!.Value).ToArray()),
                };
                var owner = tracker.Entries<PassType>().FirstOrDefault(t => t.Entity.Id == typeId)?.Entity.OrganizationId;
                return AuditEvent.Record(
                    now, actor?.OrganizationId, actor?.CredentialId, owner ?? actor?.OrganizationId, "TrainingPassTypeContent",
                    typeId.ToString(CultureInfo.InvariantCulture), added ? "added" : "removed", added ? null : content.ToJsonString(Json), added ? content.ToJsonString(Json) : null);
            });
        }

        return pending;
    }

    /// <summary>
    /// The "created" event of a row inserted outside the change tracker (<see cref="EntitleDbContext.InsertNowAsync"/>),
    /// the same as <see cref="Capture"/> gives a row added to the tracker; null for rows that are not audited.
    /// </summary>
    public static Func<DateTime, AuditActor?, AuditEvent>? CaptureCreated(ChangeTracker tracker, IEntityType type, object row)
    {
        var entityType = EntityName(row);
        if (entityType is null)
        {
            return null;
        }

        if (row is PassTypeContentItem)
        {
            throw new NotSupportedException("A type's content is audited per save, as one event: add content items to the change tracker.");
        }

        var key = string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(ValueOf(p, row), CultureInfo.InvariantCulture)));
        var after = Values(type.GetProperties().Select(p => (p.Name, ValueOf(p, row))), null).ToJsonString(Json);
        var subject = Subject(tracker, row);
        return (now, actor) => AuditEvent.Record(now, actor?.OrganizationId, actor?.CredentialId, subject ?? actor?.OrganizationId, entityType, key, "created", null, after);
    }

    private static object? ValueOf(IProperty property, object row) =>
        property.IsShadowProperty() ? property.Sentinel : property.GetGetter().GetClrValueUsingContainingEntity(row);

    /// <summary>The API-neutral name audit events use, or null for rows that are not audited.</summary>
    public static string? EntityName(object entity) => entity switch
    {
        PassType => "TrainingPassType",
        PassTypeOption => "TrainingPassTypeOption",
        PassTypeOptionPrice => "TrainingPassTypeOptionPrice",
        PassTypeContentItem => "TrainingPassTypeContent",
        Pass => "TrainingPass",
        TrainingKey => "TrainingKey",
        Organization => "Organization",
        Credential => "Credential",
        WebhookEndpoint => "Webhook",
        _ => null,
    };

    private static string Key(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static JsonObject Values(EntityEntry entry, bool original, List<string>? only) =>
        Values(entry.Properties.Select(p => (p.Metadata.Name, original ? p.OriginalValue : p.CurrentValue)), only);

    private static JsonObject Values(IEnumerable<(string Name, object? Value)> properties, List<string>? only)
    {
        var values = new JsonObject();
        foreach (var (name, value) in properties)
        {
            if (name is VersionedEntities.PropertyName or nameof(Credential.SecretHash) or nameof(WebhookEndpoint.Secret) || (only is not null && !only.Contains(name)))
            {
                continue;
            }

            values[char.ToLowerInvariant(name[0]) + name[1..]] = value switch
            {
                null => null,
                DateTime d => Domain.Instant.Format(d),
                bool b => b,
                int i => i,
                long l => l,
                Enum e => e.ToString().ToLowerInvariant(),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        return values;
    }

    private static int? Subject(ChangeTracker tracker, object entity) => entity switch
    {
        PassType t => t.OrganizationId,
        PassTypeOption o => o.PassType?.OrganizationId ?? TypeOwner(tracker, o.PassTypeId),
        PassTypeOptionPrice p => p.Option?.PassType?.OrganizationId ?? (p.Option is { } option ? TypeOwner(tracker, option.PassTypeId) : null),
        Pass p => p.Contact?.OrganizationId ?? tracker.Entries<Contact>().FirstOrDefault(c => c.Entity.Id == p.ContactId)?.Entity.OrganizationId,
        TrainingKey k => k.OrganizationId,
        Organization o => o.Id,
        Credential c => c.OrganizationId,
        WebhookEndpoint w => w.OrganizationId,
        _ => null,
    };

    private static int? TypeOwner(ChangeTracker tracker, int typeId) =>
        tracker.Entries<PassType>().FirstOrDefault(t => t.Entity.Id == typeId)?.Entity.OrganizationId;
}
