namespace Entitle.Application.Dashboard;

/// <summary>What the admin console's dashboard shows for an organization's subtree at one instant.</summary>
public sealed record DashboardFigures(
    int ActivePasses,
    int ExpiringWithin30Days,
    IReadOnlyList<DailyCount> RedemptionsPerDay,
    IReadOnlyList<DailyCount> NewPassesPerDay,
    int UnredeemedKeys,
    long UsesLeft);
