using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Entitle.Persistence;

public static class PersistenceSetup
{
    /// <summary>
    /// Registers the context of the configured provider as <see cref="EntitleDbContext"/>. Interceptors registered
    /// in DI (tests count statements with one) are attached to every context. The options are built once: built per
    /// request, as EF Core does by default, they cost every request a lookup of EF's internal services by comparing
    /// option sets (docs/benchmarks.md).
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Entitle");
        services.AddSingleton(options);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionStrings.Complete(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString);
                services.AddDbContext<EntitleDbContext, SqliteEntitleDbContext>((sp, o) => Configure(sp, o.UseSqlite(sqlite)), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Entitle is not set.");
                }

                // Transient failures are retried where it is safe: every read, and every write that failed before its
                // commit (see Application.Writes); a failed commit is never replayed blindly.
                services.AddDbContext<EntitleDbContext, PostgresEntitleDbContext>((sp, o) => Configure(sp, o.UseNpgsql(
                    PostgresConnectionStrings.Complete(connectionString),
                    npgsql => npgsql.EnableRetryOnFailure(options.MaxRetryCount, options.MaxRetryDelay, null))), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or Postgres.");
        }

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<AuditActor>();
        return services;
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options)
    {
        options.UseSnakeCaseNamingConvention();
        options.AddInterceptors(services.GetServices<IInterceptor>());
    }
}
