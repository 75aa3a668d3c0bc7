using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Entitle.Tests.Support;

/// <summary>
/// Makes the database fail a chosen statement, as a broken connection or a full disk would, so tests can prove
/// that a use case failing half-way leaves nothing behind.
/// </summary>
public sealed class CommandFaults : DbCommandInterceptor
{
    private Func<string, bool>? _failOn;
    private (Func<string, bool> Matches, Action Action)? _before;

    /// <summary>The next statement whose text matches fails; later ones succeed.</summary>
    public void FailNext(Func<string, bool> matches) => _failOn = matches;

    /// <summary>Just before the next statement whose text matches runs, <paramref name="action"/> runs (once).</summary>
    public void BeforeNext(Func<string, bool> matches, Action action) => _before = (matches, action);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (_before is { } before && before.Matches(command.CommandText))
        {
            _before = null;
            before.Action();
        }

        var matches = _failOn;
        if (matches is not null && matches(command.CommandText) && Interlocked.CompareExchange(ref _failOn, null, matches) == matches)
        {
            throw new InvalidOperationException($"Injected fault on: {command.CommandText}");
        }
    }
}
