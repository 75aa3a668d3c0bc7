using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
/// connection's command for each run, as EF Core does for its own cached queries.
/// </summary>
public sealed class HandWrittenSql<TResult>(string sql, IReadOnlyList<(string Name, Type Type)> parameters, Func<DbDataReader, CancellationToken, Task<TResult>> read)
{
    private IRelationalCommand? _sqlite;

    private IRelationalCommand? _postgres;

    public Task<TResult> RunAsync(EntitleDbContext db, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var template = db.Provider == DatabaseProvider.Postgres ? _postgres ??= Build(db) : _sqlite ??= Build(db);
        var dependencies = (IRelationalDatabaseFacadeDependencies)((IDatabaseFacadeDependenciesAccessor)db.Database).Dependencies;
        var run = new RelationalCommandParameterObject(dependencies.RelationalConnection, values, null, db, dependencies.CommandLogger, CommandSource.FromSqlQuery);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(
            (template, run, read),
            static async (_, state, ct) =>
            {
                // A command holds its reader for reuse, so it is not shared between requests: as EF Core does for its
                // own queries, the built one is a template copied into the connection's command.
                var connection = state.run.Connection;
                var command = connection.RentCommand();
                try
                {
                    command.PopulateFrom(state.template);
                    await using var reader = await command.ExecuteReaderAsync(state.run, ct);
                    return await state.read(reader.DbDataReader, ct);
                }
                finally
                {
                    connection.ReturnCommand(command);
                }
            },
            null,
            cancellationToken);
    }

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
