using Npgsql;

namespace Entitle.Bench.Hosting;

public static class ConnectionStrings
{
    /// <summary>A PostgreSQL connection string fit to print: the password is left out.</summary>
    public static string WithoutPassword(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Password is not null)
        {
            builder.Password = "…";
        }

        return builder.ToString();
    }
}
