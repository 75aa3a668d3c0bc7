using Microsoft.AspNetCore.Mvc;

namespace Entitle.Api.Tms;

public static class TmsSetup
{
    public static IServiceCollection AddTmsApi(this IServiceCollection services) => services.AddSingleton<TmsMethods>();

    public static IEndpointRouteBuilder MapTmsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/2.0/openapi.json", (TmsMethods methods) => Results.Text(TmsOpenApi.Document(methods).ToJsonString(), "application/json"));
        endpoints.MapMethods("/api/2.0/{method}/{id?}", [HttpMethods.Get, HttpMethods.Post], TmsEndpoint.HandleAsync)
            // Enough for 100,000 caller-chosen keys in a form body, and no more.
            .WithMetadata(new RequestSizeLimitAttribute(TmsEndpoint.MaxBodyBytes));
        // Every other HTTP method, whatever its name, and every other address under /api get the envelope rather
        // than routing's empty 405 or 404; the higher order leaves the routes above to win wherever they match.
        endpoints.Map("/api/2.0/{method}/{id?}", TmsEndpoint.MethodNotAllowedAsync).WithOrder(1);
        endpoints.Map("/api/{**address}", TmsEndpoint.UnknownAddressAsync).WithOrder(2);
        return endpoints;
    }
}
