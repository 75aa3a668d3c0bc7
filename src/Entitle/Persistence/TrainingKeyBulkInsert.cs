using System.Data.Common;
using Entitle.Domain.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Entitle.Persistence;

/// <summary>
/// Inserts a batch of keys (up to 100,000) inside the caller's transaction without tracking one object per key
/// and without a round trip per key: PostgreSQL gets one binary COPY, SQLite one prepared statement run in
/// process. Ids are taken in one step beforehand, so the caller learns every key's id.
/// </summary>
public static class TrainingKeyBulkInsert
{
    public static async Task<IReadOnlyList<int>> InsertAsync(EntitleDbContext db, IReadOnlyList<TrainingKey> keys, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Keys are inserted inside the use case's transaction.");
        var connection = transaction.Connection!;
        var table = Table.Of(db);
        return db.Provider == DatabaseProvider.Postgres
            ? await CopyAsync((NpgsqlConnection)connection, table, keys, cancellationToken)
            : await InsertPreparedAsync(connection, transaction, table, keys, cancellationToken);
    }

    private static async Task<IReadOnlyList<int>> CopyAsync(NpgsqlConnection connection, Table table, IReadOnlyList<TrainingKey> keys, CancellationToken ct)
    {
        var ids = new List<int>(keys.Count);
        await using (var reserve = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('{table.Name}', '{table.Id}'))::int FROM generate_series(1, $1)", connection))
        {
            reserve.Parameters.Add(new NpgsqlParameter<int> { TypedValue = keys.Count });
            await using var reader = await reserve.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < keys.Count; i++)
        {
            var k = keys[i];
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(ids[i], NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(k.Key, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(k.NormalizedKey, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(k.OrganizationId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(k.PassTypeId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(k.ExpirationDate, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(k.MaxKeyUses, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(k.Uses, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, k.ContentExpirationDate, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(k.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(importer, k.CreatedByOrganizationId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(k.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(importer, k.UpdatedByOrganizationId, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(importer, k.BatchId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(0, NpgsqlDbType.Integer, ct);
        }

        await importer.CompleteAsync(ct);
        return ids;
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct
    {
        if (value is { } v)
        {
            await importer.WriteAsync(v, type, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }

    private static async Task<IReadOnlyList<int>> InsertPreparedAsync(DbConnection connection, DbTransaction transaction, Table table, IReadOnlyList<TrainingKey> keys, CancellationToken ct)
    {
        // The transaction holds SQLite's write lock, so nobody else can take these ids meanwhile.
        await using var last = connection.CreateCommand();
        last.Transaction = transaction;
        last.CommandText = $"SELECT MAX(m) FROM (SELECT COALESCE(MAX(\"{table.Id}\"), 0) AS m FROM \"{table.Name}\" UNION ALL SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}')";
        var first = Convert.ToInt32(await last.ExecuteScalarAsync(ct) ?? 0, System.Globalization.CultureInfo.InvariantCulture) + 1;

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({string.Join(", ", Enumerable.Range(0, Table.ColumnCount).Select(i => "$p" + i))})";
        var parameters = Enumerable.Range(0, Table.ColumnCount).Select(i =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = "$p" + i;
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        await insert.PrepareAsync(ct);

        var ids = new List<int>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var k = keys[i];
            var id = first + i;
            object?[] values =
            [
                id, k.Key, k.NormalizedKey, k.OrganizationId, k.PassTypeId, SqliteInstant(k.ExpirationDate), k.MaxKeyUses, k.Uses,
                k.ContentExpirationDate is { } content ? SqliteInstant(content) : null, SqliteInstant(k.CreatedAt), k.CreatedByOrganizationId,
                SqliteInstant(k.UpdatedAt), k.UpdatedByOrganizationId, k.BatchId, 0,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                parameters[c].Value = values[c] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(ct);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The text EF Core's SQLite provider stores a DateTime as, so both writers' rows compare alike.</summary>
    private static string SqliteInstant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Table and column names as the EF model maps them, so this SQL follows the model.</summary>
    private sealed record Table(string Name, string Id, string ColumnList)
    {
        public const int ColumnCount = 15;

        public static Table Of(EntitleDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(TrainingKey))!;
            var name = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            string Column(string property) => entity.FindProperty(property)!.GetColumnName(store)!;
            string[] columns =
            [
                Column(nameof(TrainingKey.Id)), Column(nameof(TrainingKey.Key)), Column(nameof(TrainingKey.NormalizedKey)),
                Column(nameof(TrainingKey.OrganizationId)), Column(nameof(TrainingKey.PassTypeId)), Column(nameof(TrainingKey.ExpirationDate)),
                Column(nameof(TrainingKey.MaxKeyUses)), Column(nameof(TrainingKey.Uses)), Column(nameof(TrainingKey.ContentExpirationDate)),
                Column(nameof(TrainingKey.CreatedAt)), Column(nameof(TrainingKey.CreatedByOrganizationId)), Column(nameof(TrainingKey.UpdatedAt)),
                Column(nameof(TrainingKey.UpdatedByOrganizationId)), Column(nameof(TrainingKey.BatchId)), Column(VersionedEntities.PropertyName),
            ];
            return new Table(name, columns[0], string.Join(", ", columns.Select(c => $"\"{c}\"")));
        }
    }
}
