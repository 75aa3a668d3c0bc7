namespace Entitle.Application.Dashboard;

/// <summary>How many of something happened on one UTC day.</summary>
public sealed record DailyCount(DateOnly Day, int Count);
