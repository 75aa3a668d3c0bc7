using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Persistence;

/// <summary>
/// Inserts new rows outside EF Core's change tracker, with SQL built once per provider and mix of rows from the
/// model: the rows the write use cases only ever add (audit events, webhook events and deliveries, key redemptions)
/// and a new pass. Saving them through the change tracker was half of the time a redemption held SQLite's single
/// write turn (docs/benchmarks.md). The rows of one call go as one command of up to 50 (one round trip on PostgreSQL), each
/// statement returning the generated key, which is set on its row; a row referring to another row of the same call
/// (a webhook delivery to its event) goes in a second command, with the key the first one returned.
/// </summary>
public static class RowInserts
{
    /// <summary>Rows per command: a batch of webhook events (the expiry notifier's 200) stays well within each database's parameter limit.</summary>
    private const int MaxRowsPerCommand = 50;

    /// <summary>Commands kept built, by mix of rows; a use case's mix is always the same, so few are ever built.</summary>
    private const int MaxCommandsKept = 256;

    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, Type Type), InsertShape> Shapes = new();

    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, string Mix), (IRelationalCommand Command, string[][] Names)> Commands = new();

    public static async Task InsertAsync(EntitleDbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var waiting = new HashSet<object>(rows, ReferenceEqualityComparer.Instance);
        while (waiting.Count > 0)
        {
            var round = rows.Where(row => waiting.Contains(row) && !Shape(db, row).References(row).Any(waiting.Contains)).ToList();
            if (round.Count == 0)
            {
                throw new InvalidOperationException("The rows to insert refer to one another in a circle.");
            }

            foreach (var chunk in round.Chunk(MaxRowsPerCommand))
            {
                await InsertRoundAsync(db, chunk, cancellationToken);
            }

            waiting.ExceptWith(round);
        }
    }

    private static async Task InsertRoundAsync(EntitleDbContext db, object[] rows, CancellationToken cancellationToken)
    {
        var shapes = rows.Select(row => Shape(db, row)).ToArray();
        var mix = string.Join(",", shapes.Select(s => s.EntityType.ClrType.Name));
        var (command, names) = Commands.TryGetValue((db.Provider, mix), out var built) ? built
            : Commands.Count < MaxCommandsKept ? Commands.GetOrAdd((db.Provider, mix), _ => Build(db, shapes))
            : Build(db, shapes);
        var values = new Dictionary<string, object?>(shapes.Sum(s => s.ColumnCount));
        for (var i = 0; i < rows.Length; i++)
        {
            for (var c = 0; c < shapes[i].ColumnCount; c++)
            {
                values[names[i][c]] = shapes[i].Value(rows[i], c);
            }
        }

        await CommandTemplates.RunAsync(
            db,
            command,
            values,
            async (reader, ct) =>
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    if ((i > 0 && !await reader.NextResultAsync(ct)) || !await reader.ReadAsync(ct))
                    {
                        throw new InvalidOperationException($"The insert of a {shapes[i].EntityType.DisplayName()} returned no key.");
                    }

                    shapes[i].SetKey(rows[i], reader.GetValue(0));
                }

                return true;
            },
            cancellationToken);
    }

    private static InsertShape Shape(EntitleDbContext db, object row) =>
        Shapes.GetOrAdd(
            (db.Provider, row.GetType()),
            static (key, db) => InsertShape.For(
                db.Model.FindEntityType(key.Type) ?? throw new InvalidOperationException($"{key.Type.Name} is not in the model."),
                db.GetService<ISqlGenerationHelper>()),
            db);

    private static (IRelationalCommand Command, string[][] Names) Build(EntitleDbContext db, InsertShape[] shapes)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        var names = new string[shapes.Length][];
        for (var i = 0; i < shapes.Length; i++)
        {
            var shape = shapes[i];
            names[i] = new string[shape.ColumnCount];
            var placeholders = new string[shape.ColumnCount];
            for (var c = 0; c < shape.ColumnCount; c++)
            {
                names[i][c] = $"r{i}_{c}";
                placeholders[c] = sql.GenerateParameterNamePlaceholder(names[i][c]);
                var column = shape.Column(c);
                builder.AddParameter(names[i][c], sql.GenerateParameterName(names[i][c]), column.GetRelationalTypeMapping(), column.IsNullable);
            }

            builder.Append(shape.Sql(placeholders)).AppendLine(";");
        }

        return (builder.Build(), names);
    }
}
