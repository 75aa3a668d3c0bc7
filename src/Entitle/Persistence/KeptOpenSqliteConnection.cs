using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Entitle.Persistence;

#pragma warning disable EF1001 // EF Core's SQLite connection is internal API; this subclass only changes when it closes.

/// <summary>
/// The SQLite connection of a pooled context stays open for the context's life, instead of being closed after each
/// statement and each request. Closing cost every request twice: Microsoft.Data.Sqlite finalizes every prepared
/// statement of a connection when it closes (so each statement was parsed and planned afresh on every run), and
/// EF Core's seven SQL functions were registered with SQLite on every open and removed on every close. An open
/// connection holds no lock and no snapshot between statements, so keeping it open changes nothing another
/// connection sees. It is closed when the context is disposed (the pool is full, or the service stops), or when it
/// is broken. With it, <see cref="SqliteStatementCache"/> keeps the connection's statements prepared.
/// </summary>
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override void CloseDbConnection()
    {
        if (MustClose())
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() => MustClose() ? base.CloseDbConnectionAsync() : Task.CompletedTask;

    /// <summary>
    /// A connection is only kept as it would have been found after a close: not broken, no transaction begun on it
    /// (a close rolls one back), and none of its cached statements left running (an unfinished read holds its snapshot,
    /// and the next request on this connection would see the database as it was then). EF Core ends its own
    /// transactions and readers before this; these are the ones begun or left outside it.
    /// </summary>
    private bool MustClose()
    {
        if (DbConnection is not SqliteConnection { State: ConnectionState.Open, Handle: { } handle } connection)
        {
            return DbConnection.State != ConnectionState.Closed;
        }

        return raw.sqlite3_get_autocommit(handle) == 0 || SqliteStatementCache.AnyRunning(connection);
    }
}
