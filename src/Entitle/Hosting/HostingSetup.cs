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
        builder.Services.AddSingleton<SealedAnswers>();
        builder.Services.AddScoped<IdempotentRequests>();
        builder.Services.AddHostedService<BackgroundWorker>();
        builder.Services.AddRequestRateLimits(builder.Configuration);
        builder.Services.AddAntiforgery();
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        // Request lines carry query strings, and TMS query strings can carry training keys: never log them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseHosting(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<SecurityOptions>();
        if (security.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<ErrorBoundaryMiddleware>();
        app.UseSecurityHeaders();
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }
}
