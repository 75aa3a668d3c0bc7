using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

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

        // On a new PostgreSQL database EF reads the history table without looking for it first, and logs the failed
        // query as an error (twice: here and in MigrateAsync). Creating the empty table first (IF NOT EXISTS, which
        // Migrate does itself too) keeps a first start's log free of errors that are not.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>Whether every migration is applied; on a database not yet migrated at all, without a failing query.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken) =>
        await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
        && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
}
