using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entitle.Persistence;

/// <summary>
/// Runs a command built once (<see cref="HandWrittenSql{TResult}"/>, <see cref="RowInserts"/>) through EF Core's
/// command layer, so that it shares the context's connection and transaction, its interceptors, logging and retry
/// strategy. A built command holds its reader for reuse, so it is not shared between requests: as EF Core does for
/// its own cached queries, it is a template copied into the connection's command for each run.
/// </summary>
public static class CommandTemplates
{
    public static Task<TResult> RunAsync<TResult>(EntitleDbContext db, IRelationalCommand template, IReadOnlyDictionary<string, object?> values, Func<DbDataReader, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken)
    {
        var dependencies = (IRelationalDatabaseFacadeDependencies)((IDatabaseFacadeDependenciesAccessor)db.Database).Dependencies;
        var run = new RelationalCommandParameterObject(dependencies.RelationalConnection, values, null, db, dependencies.CommandLogger, CommandSource.FromSqlQuery);
        return db.ExecutionStrategy.ExecuteAsync(
            (template, run, read),
            static async (_, state, ct) =>
            {
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
}
