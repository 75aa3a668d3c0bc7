using System.Data.Common;
using Entitle.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Application;

/// <summary>
/// Runs one use case as one transaction: all of it or none of it. When another writer changed the same rows
/// first (a version conflict, or a unique key taken between our check and our insert), the whole use case runs
/// again on fresh data, where its own checks now see the other writer's change and answer precisely.
/// </summary>
public static class Writes
{
    private const int MaxAttempts = 5;

    public static async Task<T> WriteAsync<T>(this EntitleDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsConflict(e))
            {
                db.ChangeTracker.Clear();
            }
            catch
            {
                // Nothing of a refused use case may linger and be saved by the next one in the same request.
                db.ChangeTracker.Clear();
                throw;
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

    private static bool IsConflict(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: DbException inner } => IsUniqueViolation(inner),
        _ => false,
    };

    /// <summary>SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's unique_violation.</summary>
    public static bool IsUniqueViolation(DbException e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == "23505",
        _ => false,
    };
}
