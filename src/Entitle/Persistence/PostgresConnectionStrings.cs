using Npgsql;

namespace Entitle.Persistence;

public static class PostgresConnectionStrings
{
    /// <summary>
    /// Adds the settings Entitle relies on unless the operator chose otherwise: automatic preparation of the
    /// statements a connection runs repeatedly. Every request runs the same few statements (the credential lookup,
    /// the access check), and planning them anew each time cost PostgreSQL more than running them.
    /// </summary>
    public static string Complete(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ToString();
    }
}
