using Entitle.Api;
using Microsoft.AspNetCore.HttpOverrides;

namespace Entitle.Hosting;

/// <summary>What belongs to no area: limits, security, error handling, background work, health.</summary>
public static class HostingSetup
{
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(security);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSingleton<SealedAnswers>();
        builder.Services.AddScoped<IdempotentRequests>();
        builder.Services.AddHostedService<BackgroundWorker>();
        builder.Services.AddRequestRateLimits(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in security.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        // TMS paths and query strings can carry training keys, so nothing may log them, whatever the configured
        // levels: ASP.NET's request lines and the RequestPath scope it puts on every entry (Hosting.Diagnostics),
        // routing's path-matching details (Debug), Kestrel's bad-request details (which quote the request line
        // when Information is on) and HTTP logging. Entitle's own request log (RequestLogMiddleware) replaces them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseHosting(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<SecurityOptions>();
        if (security.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ErrorBoundaryMiddleware>();
        app.UseSecurityHeaders();
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
