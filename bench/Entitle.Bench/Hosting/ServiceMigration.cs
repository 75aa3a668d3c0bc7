using System.Diagnostics;

namespace Entitle.Bench.Hosting;

/// <summary>Creates the schema the way an operator would: <c>dotnet exec Entitle.dll migrate</c> against the database.</summary>
public static class ServiceMigration
{
    public static async Task RunAsync(string entitleDll, IBenchDatabase database, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(entitleDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "exec", entitleDll, "migrate" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Entitle"] = database.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Migrating the bench database failed: {await output}{await errors}");
        }
    }
}
