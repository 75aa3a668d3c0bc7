using System.Data;
using Microsoft.Data.Sqlite;

namespace Entitle.Persistence;

/// <summary>
/// The prepared commands of one SQLite connection, by SQL text; past <see cref="Capacity"/> the least recently used
/// is finalized. A connection is used by one context, and a context by one request at a time, so there is no
/// locking. When the connection closes, Microsoft.Data.Sqlite finalizes its commands' statements, and they are
/// forgotten here.
/// </summary>
public sealed class ConnectionStatements
{
    /// <summary>
    /// A request runs a handful of distinct statements and the whole service a few hundred; a prepared statement
    /// takes a few kilobytes, and each open connection (one per pooled context) holds its own.
    /// </summary>
    public const int Capacity = 64;

    private readonly SqliteConnection _connection;

    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _byText = new(StringComparer.Ordinal);

    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<SqliteCommand> _recent = new();

    /// <summary>The commands running now: not handed out again, nor finalized, until they are returned.</summary>
    private readonly HashSet<SqliteCommand> _rented = [];

    public ConnectionStatements(SqliteConnection connection)
    {
        _connection = connection;
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != ConnectionState.Open)
            {
                _byText.Clear();
                _recent.Clear();
                _rented.Clear();
            }
        };
    }

    public int Count => _byText.Count;

    public int Running => _rented.Count;

    /// <summary>The connection's command for this text, prepared if it ran before; null when that one is still running (a reader open on it).</summary>
    public SqliteCommand? Rent(string text)
    {
        if (_byText.TryGetValue(text, out var node))
        {
            if (!_rented.Add(node.Value))
            {
                return null;
            }

            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value;
        }

        var command = _connection.CreateCommand();
        command.CommandText = text;
        _byText[text] = _recent.AddFirst(command);
        _rented.Add(command);
        while (_recent.Count > Capacity && _recent.Last is { } oldest && !_rented.Contains(oldest.Value))
        {
            _recent.RemoveLast();
            _byText.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }

        return command;
    }

    /// <summary>Gives a rented command back for the next run of its text; one no longer kept here is finalized.</summary>
    public void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        _rented.Remove(command);
        if (!_byText.TryGetValue(command.CommandText, out var node) || !ReferenceEquals(node.Value, command))
        {
            command.Dispose();
        }
    }
}
