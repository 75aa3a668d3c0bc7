using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Entitle.Persistence;

/// <summary>
/// Keeps each SQLite connection's statements prepared, by SQL text, as PostgreSQL's auto-prepare does for Npgsql.
/// EF Core creates a command for every statement it runs, and Microsoft.Data.Sqlite parses and plans a command's
/// SQL the first time it runs and frees it when the command is disposed: every access check parsed and planned its
/// two statements afresh, 20% of the service's CPU (docs/benchmarks.md). Here EF Core is handed a
/// <see cref="CachedStatementCommand"/>, which runs on the connection's prepared command for the same text
/// (<see cref="ConnectionStatements"/>). Only useful with connections that stay open (<see cref="KeptOpenSqliteConnection"/>):
/// closing a connection finalizes its statements.
/// </summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    public static readonly SqliteStatementCache Instance = new();

    private static readonly ConditionalWeakTable<SqliteConnection, ConnectionStatements> Statements = new();

    private SqliteStatementCache()
    {
    }

    /// <summary>How many statements this connection keeps prepared.</summary>
    public static int Prepared(SqliteConnection connection) => Statements.TryGetValue(connection, out var statements) ? statements.Count : 0;

    /// <summary>Whether a statement of this connection's cache is still running (a reader not yet disposed).</summary>
    public static bool AnyRunning(SqliteConnection connection) => Statements.TryGetValue(connection, out var statements) && statements.Running > 0;

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection && !result.HasResult
            ? InterceptionResult<DbCommand>.SuppressWithResult(new CachedStatementCommand(connection, Statements.GetValue(connection, c => new ConnectionStatements(c))))
            : result;
}
