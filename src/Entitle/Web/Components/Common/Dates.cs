using System.Globalization;
using Entitle.Domain.Passes;

namespace Entitle.Web.Components.Common;

/// <summary>How the pages write instants and states: ISO days and times in UTC, states in lower case as the APIs do.</summary>
public static class Dates
{
    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Minute(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string State(PassLifecycleState state) => state.ToString().ToLowerInvariant();
}
