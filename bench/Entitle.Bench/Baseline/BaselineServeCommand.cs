using Microsoft.Extensions.Hosting;

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

        var app = BaselineServer.Build(args, provider.Equals("postgres", StringComparison.OrdinalIgnoreCase), connection, TimeProvider.System);
        await app.RunAsync(cancellationToken);
        return ExitCodes.Passed;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
