using Entitle.Application.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Entitle.Bench.Baseline;

/// <summary>
/// <c>baseline-serve</c>: the baselines as a minimal ASP.NET Core program of their own (Kestrel, plain ADO.NET, no
/// GraphQL, no EF Core), started by the suite as a separate process against the service's database, so that both
/// sides pay for a process, HTTP on loopback and the same connection pooling.
/// </summary>
public sealed class BaselineServeCommand : IBenchCommand
{
    public string Name => "baseline-serve";

    public string Summary => "The suite's plain ADO.NET baselines over HTTP (started by `suite`; not meant to be run by hand).";

    public string Usage => "baseline-serve --provider sqlite|postgres --connection <connection string> --urls <url>";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var provider = Option(args, "--provider");
        var connection = Option(args, "--connection");
        if (provider is null || connection is null || Option(args, "--urls") is null)
        {
            await Console.Error.WriteLineAsync("Usage: " + Usage);
            return ExitCodes.Usage;
        }

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Services.AddSingleton(new BaselineDatabase(provider.Equals("postgres", StringComparison.OrdinalIgnoreCase), connection));
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
        await app.RunAsync(cancellationToken);
        return ExitCodes.Passed;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
