using Microsoft.EntityFrameworkCore;

namespace Entitle.Persistence;

/// <summary>
/// Pessimistic locks for rows that many writers change at once (one pass renewed from several places, say). On
/// PostgreSQL the row is locked with <c>SELECT … FOR UPDATE</c> until the transaction ends, so concurrent writers
/// queue instead of failing their version check; SQLite already runs one writer at a time. The version check stays
/// as the safety net.
/// </summary>
public static class RowLocks
{
    public static async Task LockAsync<T>(this EntitleDbContext db, int id, CancellationToken cancellationToken)
        where T : class
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName();
        var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName();
#pragma warning disable EF1002 // The table and column names come from the model, never from input; the id is a parameter.
        await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM \"{table}\" WHERE \"{key}\" = {{0}} FOR UPDATE", [id], cancellationToken);
#pragma warning restore EF1002
    }
}
