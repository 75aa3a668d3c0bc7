using Microsoft.EntityFrameworkCore;

namespace Entitle.Persistence;

/// <summary>Creates the database when missing and applies the provider's migrations.</summary>
public sealed class DatabaseMigrator(EntitleDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers proceed while one writer commits; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken) =>
        !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
}
