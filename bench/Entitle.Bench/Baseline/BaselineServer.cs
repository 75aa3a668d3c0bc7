using Entitle.Application.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entitle.Bench.Baseline;

/// <summary>
/// The baselines as a minimal ASP.NET Core app (Kestrel, plain ADO.NET, no GraphQL, no EF Core): what
/// <c>baseline-serve</c> runs, and what the tests start in-process to check that each baseline answers and writes
/// as the service does (a baseline that did less work would make every ratio flatter than the truth).
/// </summary>
public static class BaselineServer
{
    /// <param name="args">The host's own arguments, <c>--urls</c> among them.</param>
    /// <param name="postgres">Whether <paramref name="connectionString"/> names a PostgreSQL database (else a SQLite file).</param>
    /// <param name="connectionString">The service's database.</param>
    /// <param name="clock">Where "now" comes from: the system's in the suite, the tests' fake clock in the tests.</param>
    public static WebApplication Build(string[] args, bool postgres, string connectionString, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new BaselineDatabase(postgres, connectionString));
        builder.Services.AddSingleton<CredentialHasher>();
        builder.Services.AddSingleton<AccessBaseline>();
        builder.Services.AddSingleton<KeyMintingBaseline>();
        builder.Services.AddSingleton<CatalogBaseline>();
        builder.Services.AddSingleton<RedemptionBaseline>();
        builder.Services.AddSingleton<IssueBaseline>();
        var app = builder.Build();
        app.MapGet("/baseline/access", (HttpContext context, AccessBaseline baseline) => baseline.HandleAsync(context));
        app.MapPost("/baseline/keys", (HttpContext context, KeyMintingBaseline baseline) => baseline.HandleAsync(context));
        app.MapGet("/baseline/catalog", (HttpContext context, CatalogBaseline baseline) => baseline.HandleAsync(context));
        app.MapPost("/baseline/redeem", (HttpContext context, RedemptionBaseline baseline) => baseline.HandleAsync(context));
        app.MapPost("/baseline/issue", (HttpContext context, IssueBaseline baseline) => baseline.HandleAsync(context));
        return app;
    }
}
