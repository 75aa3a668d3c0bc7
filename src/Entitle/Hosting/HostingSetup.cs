using Entitle.Api;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;

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
        UseBatchedConsole(builder.Services);
        return builder;
    }

    /// <summary>
    /// The framework's console logger, where it is configured, gives way to <see cref="BatchedConsoleLoggerProvider"/>:
    /// the same settings and formats, written in batches. Its stdout and stderr writers buffer a whole batch and
    /// are flushed once per batch (the console's own writers flush after every write).
    /// </summary>
    private static void UseBatchedConsole(IServiceCollection services)
    {
        var console = services.FirstOrDefault(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider));
        if (console is null)
        {
            return;
        }

        services.Remove(console);
        services.AddSingleton<ILoggerProvider>(sp => new BatchedConsoleLoggerProvider(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>(),
            sp.GetRequiredService<IEnumerable<Microsoft.Extensions.Logging.Console.ConsoleFormatter>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            Buffered(Console.OpenStandardOutput()),
            Buffered(Console.OpenStandardError())));
    }

    private static StreamWriter Buffered(Stream stream) => new(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };

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

        // From the assembly rather than a wwwroot folder beside it: a build's output has no wwwroot, and the pages
        // must look the same however the service was started.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new EmbeddedFileProvider(typeof(HostingSetup).Assembly, "Entitle.wwwroot") });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
