using System.Globalization;
using Entitle.Bench.Baseline;

namespace Entitle.Bench.Suite;

/// <summary>
/// Row counts of the tables the write workloads change, read straight from the database before and after each
/// side: they show that each side made exactly as many changes as it answered, and that the baseline writes as many
/// rows per change as the service (so that it is a floor for the same work, not for less).
/// </summary>
public sealed record WriteLedger(long Passes, long Redemptions, long KeyUses, long AuditEvents, long WebhookEvents)
{
    public static async Task<WriteLedger> ReadAsync(BaselineDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM passes), (SELECT COUNT(*) FROM key_redemptions), (SELECT COALESCE(SUM(uses), 0) FROM training_keys),
                   (SELECT COUNT(*) FROM audit_events), (SELECT COUNT(*) FROM webhook_events)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WriteLedger(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>No rows: what a side has written before its first turn.</summary>
    public static WriteLedger None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The rows of this and <paramref name="other"/> together.</summary>
    public WriteLedger Plus(WriteLedger other) =>
        new(Passes + other.Passes, Redemptions + other.Redemptions, KeyUses + other.KeyUses, AuditEvents + other.AuditEvents, WebhookEvents + other.WebhookEvents);

    /// <summary>The rows written between <paramref name="before"/> and this.</summary>
    public WriteLedger Since(WriteLedger before) =>
        new(Passes - before.Passes, Redemptions - before.Redemptions, KeyUses - before.KeyUses, AuditEvents - before.AuditEvents, WebhookEvents - before.WebhookEvents);

    /// <summary>Rows of every kind written per change, e.g. "7.0 rows (1 pass, 1 redemption, 1 key use, 2 audit, 2 webhook)".</summary>
    public string PerChange(long changes)
    {
        if (changes == 0)
        {
            return "no changes";
        }

        string Each(long rows) => (rows / (double)changes).ToString("0.##", CultureInfo.InvariantCulture);
        return $"{Each(Passes + Redemptions + KeyUses + AuditEvents + WebhookEvents)} rows ({Each(Passes)} pass, {Each(Redemptions)} redemption, {Each(KeyUses)} key use, {Each(AuditEvents)} audit, {Each(WebhookEvents)} webhook)";
    }

    /// <summary>
    /// The rules a burst of concurrent redemptions must keep, checked over the whole database: no key used past its
    /// limit, no learner redeeming a key twice, each use of a key recorded by exactly one redemption whose pass is
    /// the learner's. Answers what was broken, or null.
    /// </summary>
    public static async Task<string?> BrokenRedemptionRulesAsync(BaselineDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM training_keys WHERE uses > max_key_uses),
                   (SELECT COUNT(*) FROM (SELECT key_id, contact_id FROM key_redemptions GROUP BY key_id, contact_id HAVING COUNT(*) > 1) d),
                   (SELECT COUNT(*) FROM training_keys k WHERE k.uses <> (SELECT COUNT(*) FROM key_redemptions r WHERE r.key_id = k.id)),
                   (SELECT COUNT(*) FROM key_redemptions r LEFT JOIN passes p ON p.id = r.pass_id AND p.contact_id = r.contact_id WHERE p.id IS NULL)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var problems = new List<string>();
        if (reader.GetInt64(0) > 0)
        {
            problems.Add($"{reader.GetInt64(0)} keys used past their limit");
        }

        if (reader.GetInt64(1) > 0)
        {
            problems.Add($"{reader.GetInt64(1)} keys redeemed twice by one learner");
        }

        if (reader.GetInt64(2) > 0)
        {
            problems.Add($"{reader.GetInt64(2)} keys whose use count differs from their redemptions");
        }

        if (reader.GetInt64(3) > 0)
        {
            problems.Add($"{reader.GetInt64(3)} redemptions without the learner's pass");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>Passes whose period is empty or reversed: none may exist after W5.</summary>
    public static async Task<long> EmptyPassesAsync(BaselineDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM passes WHERE valid_until <= valid_from";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
