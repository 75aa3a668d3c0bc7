namespace Entitle.Web.Explorer;

/// <summary>
/// <c>GET /graphql</c> from a browser, without a <c>query</c> parameter, is a person arriving at the API: they get the
/// explorer page (<see cref="ExplorerPath"/>) at that address. Any request with a <c>query</c> parameter, or that
/// does not ask for HTML, stays with the API and answers exactly as before.
/// </summary>
public static class ApiExplorerEntrance
{
    public const string ApiPath = "/graphql";

    /// <summary>The explorer page's own address, where its form posts.</summary>
    public const string ExplorerPath = "/graphql/explorer";

    /// <summary>
    /// Runs after routing chose the API's endpoint (and after rate limits, authentication and antiforgery, which a
    /// GET of the page needs nothing from), and hands the request to the page's endpoint instead.
    /// </summary>
    public static WebApplication UseApiExplorerEntrance(this WebApplication app)
    {
        var page = new Lazy<Endpoint>(() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == ExplorerPath));
        app.Use((http, next) =>
        {
            if (IsPersonArriving(http.Request))
            {
                http.Request.Path = ExplorerPath;
                http.SetEndpoint(page.Value);
            }

            return next(http);
        });
        return app;
    }

    public static bool IsPersonArriving(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.Equals(ApiPath, StringComparison.OrdinalIgnoreCase)
        && !request.Query.ContainsKey("query")
        && request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
