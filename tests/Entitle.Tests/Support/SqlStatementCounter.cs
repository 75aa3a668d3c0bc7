using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Entitle.Tests.Support;

/// <summary>Counts the SQL statements the app sends, so tests can prove a read costs a constant number of them.</summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private int _count;
    private readonly List<RecordedStatement> _statements = [];

    public int Count => _count;

    public IReadOnlyList<string> Statements
    {
        get
        {
            lock (_statements)
            {
                return [.. _statements.Select(s => s.Text)];
            }
        }
    }

    /// <summary>The statements with their parameters' values.</summary>
    public IReadOnlyList<RecordedStatement> Recorded
    {
        get
        {
            lock (_statements)
            {
                return [.. _statements];
            }
        }
    }

    /// <summary>The statements that read <paramref name="table"/> (FROM or JOIN it), identifiers' quotes removed.</summary>
    public IReadOnlyList<string> Reading(string table) =>
        [.. Statements.Select(s => s.Replace("\"", "", StringComparison.Ordinal)).Where(s => Regex.IsMatch(s, $@"(FROM|JOIN) {Regex.Escape(table)}\b"))];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (_statements)
        {
            _statements.Clear();
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        lock (_statements)
        {
            _statements.Add(new RecordedStatement(
                command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => new KeyValuePair<string, object?>(p.ParameterName, p.Value))]));
        }
    }
}
