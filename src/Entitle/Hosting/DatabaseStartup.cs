using Entitle.Application.Demo;
using Entitle.Application.Organizations;
using Entitle.Persistence;

namespace Entitle.Hosting;

/// <summary>
/// What happens before the first request: migrate, create the root organization on an empty database, and with
/// <c>--demo</c> add the demo catalog. Credentials created here are printed once and never again.
/// </summary>
public static class DatabaseStartup
{
    public const string BootstrapKeyVariable = "ENTITLE_BOOTSTRAP_KEY";

    public static async Task PrepareAsync(IServiceProvider services, StartupOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var configuration = provider.GetRequiredService<IConfiguration>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Entitle.Startup");

        if (options.MigrateOnly || configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        if (options.MigrateOnly)
        {
            // The migrate command's answer, whatever the log level.
            Console.WriteLine("The database is migrated.");
            return;
        }

        if (provider.GetRequiredService<CredentialHasher>().UsesDefaultPepper)
        {
            logger.LogWarning("Security:CredentialPepper is not set: credentials are hashed under the built-in pepper. Set an installation secret of your own before going live (see docs/deployment.md).");
        }

        var presetKey = configuration[BootstrapKeyVariable];
        var rootName = configuration["Entitle:RootOrganizationName"] ?? "Root organization";
        var rootCredential = await provider.GetRequiredService<OrganizationService>().EnsureRootAsync(rootName, presetKey, cancellationToken);
        if (rootCredential is not null)
        {
            logger.LogInformation("Created the root organization.");
            if (string.IsNullOrEmpty(presetKey))
            {
                // Printed once, to the console only: the database keeps nothing but a hash of it.
                Console.WriteLine($"Root credential (shown once; use as 'Authorization: Bearer …' or 'api_key: …'): {rootCredential}");
            }
        }

        if (options.Demo)
        {
            var accounts = await provider.GetRequiredService<DemoCatalog>().SeedAsync(cancellationToken);
            foreach (var account in accounts)
            {
                Console.WriteLine($"Demo account {account.Organization.Name} (Organisation:{account.Organization.Id}) credential (shown once): {account.Credential}");
            }
        }
    }
}
