using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Entitle.Persistence;

public static class PersistenceSetup
{
    /// <summary>
    /// Registers the context of the configured provider as <see cref="EntitleDbContext"/>, one per request (scope),
    /// rented from a pool. Interceptors registered in DI (tests count statements with one) are attached to every
    /// context. The options are built once, and the contexts pooled, because EF Core's defaults cost every request
    /// work that never changes (docs/benchmarks.md): options built per request make EF look up its internal services
    /// by comparing option sets; a new context builds a scope of EF's internal services (a dozen objects resolved);
    /// and the model compiled ahead of time, unless named, is found by scanning the assembly's attributes. A list of
    /// values in a query (<c>ids.Contains(x.Id)</c>) goes as one parameter (a JSON array read by <c>json_each</c> on
    /// SQLite, an array on PostgreSQL): EF Core 10's default, one parameter per value, made it generate the SQL and
    /// build its reader again on every run (10% of the CPU of <c>contentAccess</c> with its granting passes), and
    /// Microsoft.Data.Sqlite binds parameters by name, one scan of the statement per parameter.
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
                // Each pooled context keeps its connection open, and the connection its statements prepared.
#pragma warning disable EF1001 // the provider's connection service, replaced by a subclass (see KeptOpenSqliteConnection)
                AddPooled<SqliteEntitleDbContext>(services, (sp, o) => Configure(sp, o.UseSqlite(sqlite, sqliteOptions => sqliteOptions.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .UseModel(CompiledModels.Sqlite.SqliteEntitleDbContextModel.Instance)
                    .ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>()
                    .AddInterceptors(SqliteStatementCache.Instance)));
#pragma warning restore EF1001
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Entitle is not set.");
                }

                // Transient failures are retried where it is safe: every read, and every write that failed before its
                // commit (see Application.Writes); a failed commit is never replayed blindly.
                AddPooled<PostgresEntitleDbContext>(services, (sp, o) => Configure(sp, o.UseNpgsql(
                    PostgresConnectionStrings.Complete(connectionString),
                    npgsql => npgsql.EnableRetryOnFailure(options.MaxRetryCount, options.MaxRetryDelay, null).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).UseModel(CompiledModels.Postgres.PostgresEntitleDbContextModel.Instance)));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or Postgres.");
        }

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<AuditActor>();
        return services;
    }

    /// <summary>
    /// A pooled context is reset by EF Core when it returns (change tracker, transaction, connection); its own state,
    /// the request's actor and clock, is set when it is rented.
    /// </summary>
    private static void AddPooled<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : EntitleDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<EntitleDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.StartRequest(sp.GetRequiredService<AuditActor>(), sp.GetService<TimeProvider>());
            return db;
        });
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder options)
    {
        options.UseSnakeCaseNamingConvention();
        options.EnableThreadSafetyChecks(services.GetRequiredService<DatabaseOptions>().ThreadSafetyChecks);
        options.AddInterceptors(services.GetServices<IInterceptor>());
    }
}
