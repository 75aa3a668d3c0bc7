using Entitle.Api.GraphQL;
using Entitle.Api.Tms;
using Entitle.Application;
using Entitle.Hosting;
using Entitle.Persistence;
using Entitle.Web;

namespace Entitle;

/// <summary>The table of contents: each area adds its services, then maps its endpoints.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = StartupOptions.Parse(args);
        await using var app = Build(args);
        await DatabaseStartup.PrepareAsync(app.Services, options, CancellationToken.None);
        if (!options.MigrateOnly)
        {
            await app.RunAsync();
        }

        return 0;
    }

    /// <summary>
    /// Builds the app. Tests pass <paramref name="customize"/>, which runs before the areas read their configuration,
    /// to point the app at their own database and clock.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(StartupOptions.HostArguments(args));
        customize?.Invoke(builder);
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddApplication(builder.Configuration);
        builder.AddHosting();
        builder.Services.AddGraphQLApi(builder.Configuration);
        builder.Services.AddTmsApi();
        builder.Services.AddWeb(builder.Configuration);

        var app = builder.Build();
        app.UseHosting();
        app.MapHealth();
        app.MapGraphQLApi();
        app.MapTmsApi();
        app.MapAuditExport();
        app.MapWeb();
        return app;
    }
}
