namespace Entitle.Hosting;

/// <summary>What the command line asks of this start, beyond ASP.NET's own settings.</summary>
public sealed record StartupOptions(bool Demo, bool MigrateOnly)
{
    public const string DemoFlag = "--demo";
    public const string MigrateCommand = "migrate";

    public static StartupOptions Parse(string[] args) =>
        new(args.Contains(DemoFlag), args.Contains(MigrateCommand) || args.Contains("--migrate-only"));

    /// <summary>The arguments left for ASP.NET's configuration once Entitle's own are taken out.</summary>
    public static string[] HostArguments(string[] args) =>
        args.Where(a => a is not DemoFlag and not MigrateCommand and not "--migrate-only").ToArray();
}
