namespace Entitle.Domain.Webhooks;

/// <summary>The events an organization can subscribe its endpoints to.</summary>
public static class WebhookEventTypes
{
    public const string PassIssued = "pass.issued";
    public const string PassRenewed = "pass.renewed";
    public const string PassRevoked = "pass.revoked";
    public const string PassReassigned = "pass.reassigned";
    public const string PassExpiring = "pass.expiring";
    public const string PassExpired = "pass.expired";
    public const string KeyRedeemed = "key.redeemed";
    public const string KeysMinted = "keys.minted";
    public const string CourseStarted = "course.started";

    public static IReadOnlyList<string> All { get; } =
        [PassIssued, PassRenewed, PassRevoked, PassReassigned, PassExpiring, PassExpired, KeyRedeemed, KeysMinted, CourseStarted];

    /// <summary>The types given, trimmed and checked; at least one, each known, none twice.</summary>
    public static List<string> Check(IEnumerable<string>? types, string field)
    {
        var list = (types ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (list.Count == 0)
        {
            throw new DomainRuleException(field, $"Name at least one event type: {string.Join(", ", All)}.");
        }

        var unknown = list.FirstOrDefault(t => !All.Contains(t));
        if (unknown is not null)
        {
            throw new DomainRuleException(field, $"{unknown} is not an event type; use {string.Join(", ", All)}.", unknown);
        }

        return list.Distinct().ToList();
    }
}
