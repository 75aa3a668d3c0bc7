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
        endpoints.MapMethods("/api/2.0/{method}/{id?}", [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Options], TmsEndpoint.MethodNotAllowedAsync);
        return endpoints;
    }
}
