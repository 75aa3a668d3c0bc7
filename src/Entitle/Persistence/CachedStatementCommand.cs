using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Entitle.Persistence;

/// <summary>
/// The command EF Core fills in for one SQLite statement (see <see cref="SqliteStatementCache"/>). It only collects
/// the text, parameters, transaction and timeout; when run, it runs the connection's prepared command for that text,
/// rented from <see cref="ConnectionStatements"/> and given back when this one is disposed (after its reader). If
/// that command is running already (a reader still open on the same text), a command of its own runs instead.
/// </summary>
public sealed class CachedStatementCommand(SqliteConnection connection, ConnectionStatements statements) : DbCommand
{
    /// <summary>Holds the parameters until the run; never run itself.</summary>
    private readonly SqliteCommand _staging = new();

    private SqliteCommand? _running;

    private bool _runningIsRented;

    private string _text = string.Empty;

    private int? _timeout;

    [AllowNull]
    public override string CommandText
    {
        get => _text;
        set => _text = value ?? string.Empty;
    }

    public override int CommandTimeout
    {
        get => _timeout ?? connection.DefaultTimeout;
        set => _timeout = value;
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"SQLite runs only {CommandType.Text} commands, not {value}.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (!ReferenceEquals(value, connection))
            {
                throw new NotSupportedException("A cached statement's command stays on the connection it was created for.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => _staging.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() => _running?.Cancel();

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await Ready().ExecuteReaderAsync(behavior, cancellationToken);

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Ready().ExecuteNonQueryAsync(cancellationToken);

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Ready().ExecuteScalarAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            _staging.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The command to run, with this one's parameters, transaction and timeout.</summary>
    private SqliteCommand Ready()
    {
        if (_running is null || _running.CommandText != _text)
        {
            Release();
            _running = statements.Rent(_text);
            _runningIsRented = _running is not null;
            if (_running is null)
            {
                _running = connection.CreateCommand();
                _running.CommandText = _text;
            }
        }

        _running.Transaction = (SqliteTransaction?)DbTransaction;
        _running.CommandTimeout = CommandTimeout;
        _running.Parameters.Clear();
        foreach (SqliteParameter parameter in _staging.Parameters)
        {
            _running.Parameters.Add(parameter);
        }

        return _running;
    }

    private void Release()
    {
        if (_running is null)
        {
            return;
        }

        if (_runningIsRented)
        {
            statements.Return(_running);
        }
        else
        {
            _running.Dispose();
        }

        _running = null;
    }
}
