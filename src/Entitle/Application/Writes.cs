using System.Data.Common;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application;

/// <summary>
/// Runs one use case as one transaction: all of it or none of it.
/// <list type="bullet">
/// <item>When another writer changed the same rows first (a version conflict, or a unique key taken between our
/// check and our insert), the use case runs again on fresh data, where its own checks now see the other writer's
/// change and answer precisely.</item>
/// <item>A transient database failure before the commit is retried by the provider's execution strategy (the
/// transaction was rolled back, so running again is safe); a failure of the commit itself is not, because the
/// change may have been made: it surfaces as <see cref="CommitOutcomeUnknownException"/>.</item>
/// <item>Inside a transaction the request already holds (an idempotent request), the use case runs in a savepoint
/// instead, and a conflict is reported to the request so that it can run again as a whole.</item>
/// </list>
/// </summary>
public static class Writes
{
    private const int MaxAttempts = 10;

    public static async Task<T> WriteAsync<T>(this EntitleDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } ambient)
        {
            return await InSavepointAsync(db, ambient, work, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.ExecutionStrategy.ExecuteAsync(async () =>
                {
                    try
                    {
                        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
                        var result = await work(cancellationToken);
                        await db.SavePendingAsync(cancellationToken);
                        try
                        {
                            await transaction.CommitAsync(cancellationToken);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            throw new CommitOutcomeUnknownException(e);
                        }

                        return result;
                    }
                    catch
                    {
                        // Nothing of a refused or failed attempt may linger and be saved by the next one.
                        db.DiscardPending();
                        throw;
                    }
                });
            }
            catch (Exception e) when (attempt < MaxAttempts && IsConflict(e))
            {
                // Run the use case again on fresh data, after a short random pause so that writers racing for the
                // same rows do not collide again in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), cancellationToken);
            }
        }
    }

    public static Task WriteAsync(this EntitleDbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                await work(ct);
                return true;
            },
            cancellationToken);

    public static bool IsConflict(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: DbException inner } => IsUniqueViolation(inner),
        // Bulk inserts (COPY, prepared statements) report a taken key straight from the provider.
        DbException direct => IsUniqueViolation(direct),
        _ => false,
    };

    /// <summary>SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's unique_violation.</summary>
    public static bool IsUniqueViolation(DbException e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == "23505",
        _ => false,
    };

    private static async Task<T> InSavepointAsync<T>(EntitleDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction ambient, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var savepoint = "use_case_" + Guid.NewGuid().ToString("N")[..12];
        await ambient.CreateSavepointAsync(savepoint, ct);
        try
        {
            var result = await work(ct);
            await db.SavePendingAsync(ct);
            await ambient.ReleaseSavepointAsync(savepoint, ct);
            return result;
        }
        catch (Exception e)
        {
            db.DiscardPending();
            if (IsConflict(e))
            {
                db.ConflictOccurred = true;
            }

            try
            {
                await ambient.RollbackToSavepointAsync(savepoint, ct);
            }
            catch (DbException)
            {
                // The connection itself failed; the request's transaction fails with it.
            }

            throw;
        }
    }
}
