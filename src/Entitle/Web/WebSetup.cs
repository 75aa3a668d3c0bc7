using Entitle.Application.Organizations;
using Entitle.Hosting;
using Entitle.Web.Components;
using Entitle.Web.Explorer;
using Entitle.Web.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Entitle.Web;

/// <summary>
/// The web pages: the admin console (<c>/admin</c>), the learner portal (<c>/learn</c>) and the API explorer
/// (<c>GET /graphql</c>, <c>/api/2.0</c>), rendered on the server as Razor components, with no script.
/// </summary>
public static class WebSetup
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddRazorComponents();
        services.AddSingleton<SignInLinkDelivery>();
        services.AddScoped<GraphQLExplorerRunner>();

        // Session cookies and antiforgery tokens must read the same on every node: the key ring lives in the
        // database, encrypted under the installation's pepper.
        services.AddDataProtection().SetApplicationName("Entitle");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory, CredentialHasher>((o, scopes, hasher) =>
        {
            o.XmlRepository = new DatabaseKeyRing(scopes);
            o.XmlEncryptor = new PepperXmlEncryptor(hasher);
        });

        services.AddAuthentication()
            .AddCookie(AdminSessions.Scheme, o =>
            {
                Harden(o.Cookie, "entitle-admin", security);
                o.LoginPath = "/admin/sign-in";
                o.AccessDeniedPath = "/admin/sign-in";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = AdminSessions.ValidateAsync;
            })
            .AddCookie(LearnerSessions.Scheme, o =>
            {
                Harden(o.Cookie, "entitle-learner", security);
                o.LoginPath = "/learn/sign-in";
                o.AccessDeniedPath = "/learn/sign-in";
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = LearnerSessions.ValidateAsync;
            });
        services.AddAuthorization();
        services.AddAntiforgery(o => Harden(o.Cookie, "entitle-antiforgery", security));

        // Data Protection loads the key ring when the host starts (and on an empty database creates the first key):
        // LINQ queries, EF Core's query pipeline compiled and XML read, on the way to an API's first answer, which
        // never uses the ring (docs/benchmarks.md, W6). Without that hosted service the ring is loaded by the first
        // page or form that needs it, and kept as before.
        foreach (var preload in services.Where(IsKeyRingPreload).ToList())
        {
            services.Remove(preload);
        }

        return services;
    }

    private static bool IsKeyRingPreload(ServiceDescriptor service) =>
        service.ServiceType == typeof(IHostedService) && service.ImplementationType?.Assembly == typeof(KeyManagementOptions).Assembly;

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        app.UseApiExplorerEntrance();
        app.MapPost("/admin/sign-out", (HttpContext http, IAntiforgery antiforgery) => SignOutAsync(http, antiforgery, AdminSessions.Scheme, "/admin/sign-in"));
        app.MapPost("/learn/sign-out", (HttpContext http, IAntiforgery antiforgery) => SignOutAsync(http, antiforgery, LearnerSessions.Scheme, "/learn/sign-in"));
        app.MapGet("/admin/keys/batches/{batchId:int}/keys.csv", KeyBatchCsv.DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AdminSessions.Scheme });
        return app;
    }

    private static void Harden(CookieBuilder cookie, string name, SecurityOptions security)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, string scheme, string then)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        await http.SignOutAsync(scheme);
        return Results.Redirect(then);
    }
}
