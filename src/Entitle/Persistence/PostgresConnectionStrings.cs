using System.Data.Common;
using Npgsql;

namespace Entitle.Persistence;

public static class PostgresConnectionStrings
{
    /// <summary>
    /// Adds the settings Entitle relies on unless the operator chose otherwise:
    /// <list type="bullet">
    /// <item>automatic preparation of the statements a connection runs repeatedly: every request runs the same few
    /// (the credential lookup, the access check), and planning them anew each time cost PostgreSQL more than
    /// running them;</item>
    /// <item>no session reset when a connection goes back to the pool: Entitle leaves no session state behind (no
    /// SET, temporary table or advisory lock; row locks end with their transaction), and the reset cost a batch of
    /// statements on each of a request's connection uses.</item>
    /// </list>
    /// </summary>
    public static string Complete(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ToString();
    }
}
