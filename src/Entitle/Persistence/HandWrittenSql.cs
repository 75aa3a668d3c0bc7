using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Persistence;

/// <summary>
/// A statement written by hand in SQL, kept for the statements that nearly every request runs (the credential lookup,
/// the access check) and for the conditional write a redemption runs while it holds SQLite's single write turn (its
/// <c>RETURNING</c> rows are read like a query's). It goes through EF Core's command layer, so it shares the context's connection and transaction, its
/// interceptors, logging and retry strategy, but skips the LINQ query pipeline (query context, shaper, materializer),
/// which cost more CPU than the statement itself (docs/benchmarks.md). The SQL must be valid on both providers (named
/// <c>@parameters</c>, <c>substr</c>, <c>length</c>); its command is built once per provider and copied into the
/// connection's command for each run (<see cref="CommandTemplates"/>).
/// </summary>
public sealed class HandWrittenSql<TResult>(string sql, IReadOnlyList<(string Name, Type Type)> parameters, Func<DbDataReader, CancellationToken, Task<TResult>> read)
{
    private IRelationalCommand? _sqlite;

    private IRelationalCommand? _postgres;

    public Task<TResult> RunAsync(EntitleDbContext db, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken) =>
        CommandTemplates.RunAsync(db, db.Provider == DatabaseProvider.Postgres ? _postgres ??= Build(db) : _sqlite ??= Build(db), values, read, cancellationToken);

    private IRelationalCommand Build(EntitleDbContext db)
    {
        var types = db.GetService<IRelationalTypeMappingSource>();
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create().Append(sql);
        foreach (var (name, type) in parameters)
        {
            var mapping = types.FindMapping(type) ?? throw new InvalidOperationException($"No {db.Provider} mapping for {type}.");
            builder.AddParameter(name, "@" + name, mapping, nullable: false);
        }

        return builder.Build();
    }
}
