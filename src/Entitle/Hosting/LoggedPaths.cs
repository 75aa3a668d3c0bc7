namespace Entitle.Hosting;

/// <summary>What of a request's path may be logged.</summary>
public static class LoggedPaths
{
    /// <summary>
    /// The path up to the TMS method name, without the query string: TMS paths and query strings can carry a
    /// training key (<c>/api/2.0/RedeemSubscriptionTrainingKey/KEY</c>), and logs must never hold a full key.
    /// </summary>
    public static string Of(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', segments.Take(3));
    }
}
