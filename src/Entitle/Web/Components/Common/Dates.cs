using System.Globalization;
using Entitle.Domain.Passes;

namespace Entitle.Web.Components.Common;

/// <summary>How the pages write instants and states: ISO days and times in UTC, states in lower case as the APIs do.</summary>
public static class Dates
{
    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Minute(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A day typed as YYYY-MM-DD (what a date input sends), as its first instant in UTC.</summary>
    public static bool TryParseDay(string? text, out DateTime day)
    {
        var parsed = DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        day = parsed ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : default;
        return parsed;
    }

    public static string State(PassLifecycleState state) => state.ToString().ToLowerInvariant();
}
