using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Persistence;

/// <summary>Creates the database when missing and applies the provider's migrations.</summary>
public sealed class DatabaseMigrator(EntitleDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>EF Core's history table, with its column named by the snake-case convention as every other.</summary>
    private const string AppliedMigrationsSql = "SELECT migration_id FROM \"" + HistoryRepository.DefaultTableName + "\"";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers proceed while one writer commits; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Nearly every start finds its database current. Checking that with one plain statement keeps EF Core's
        // migration machinery (a model of its history table built by convention, the table's DDL generated, the
        // migrations listed) off the way to the first answer (docs/benchmarks.md, W6).
        if (await AllAppliedAsync(cancellationToken))
        {
            return;
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

    /// <summary>Whether every migration is applied; on a database not yet migrated at all, without an error in the log.</summary>
    public Task<bool> IsCurrentAsync(CancellationToken cancellationToken) => AllAppliedAsync(cancellationToken);

    /// <summary>
    /// Whether the history table lists every migration this build knows (a newer build's extra ones are fine). The
    /// statement runs on the connection itself, past EF Core's logging: on a new database it fails (no database, no
    /// table), which is an answer here, not an error for the log.
    /// </summary>
    internal async Task<bool> AllAppliedAsync(CancellationToken cancellationToken)
    {
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != ConnectionState.Open;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (openedHere)
            {
                await connection.OpenAsync(cancellationToken);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = AppliedMigrationsSql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            return false;
        }
        finally
        {
            if (openedHere)
            {
                await connection.CloseAsync();
            }
        }

        return known.All(applied.Contains);
    }
}
