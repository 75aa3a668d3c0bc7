namespace Entitle.Domain.Access;

/// <summary>
/// Whether a learner may start some content at an instant, and why. Access is the union of the learner's passes
/// valid at that instant whose type holds the content; when none does, the reason is the most helpful one that
/// applies: a pass that has not started yet, then one that expired (renewable), then one that was revoked, then
/// passes that do not include the content, then no pass at all.
/// </summary>
public sealed record AccessDecision(bool Granted, AccessReason Reason, IReadOnlyList<int> GrantingPassIds)
{
    public static AccessDecision Decide(IReadOnlyCollection<PassFacts> passes, DateTime at, bool contentPublished)
    {
        if (!contentPublished)
        {
            return new AccessDecision(false, AccessReason.ContentNotPublished, []);
        }

        var holding = passes.Where(p => p.HoldsContent).ToList();
        var granting = holding.Where(p => !p.Cancelled && p.ValidFrom <= at && at < p.ValidUntil)
            .OrderBy(p => p.ValidUntil).ThenBy(p => p.PassId).Select(p => p.PassId).ToList();
        if (granting.Count > 0)
        {
            return new AccessDecision(true, AccessReason.Granted, granting);
        }

        var reason = holding.Any(p => !p.Cancelled && at < p.ValidFrom) ? AccessReason.PassNotStarted
            : holding.Any(p => !p.Cancelled && p.ValidUntil <= at) ? AccessReason.PassExpired
            : holding.Count > 0 ? AccessReason.PassCancelled
            : passes.Count > 0 ? AccessReason.NotInContent
            : AccessReason.NoPass;
        return new AccessDecision(false, reason, []);
    }

    /// <summary>The reason as both APIs write it: <c>no_pass</c>, <c>pass_expired</c>, …</summary>
    public string ReasonCode => Code(Reason);

    public static string Code(AccessReason reason) => reason switch
    {
        AccessReason.Granted => "granted",
        AccessReason.NoPass => "no_pass",
        AccessReason.NotInContent => "not_in_content",
        AccessReason.PassNotStarted => "pass_not_started",
        AccessReason.PassExpired => "pass_expired",
        AccessReason.PassCancelled => "pass_cancelled",
        AccessReason.ContentNotPublished => "content_not_published",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
