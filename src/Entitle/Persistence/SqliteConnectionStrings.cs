using Microsoft.Data.Sqlite;

namespace Entitle.Persistence;

public static class SqliteConnectionStrings
{
    /// <summary>
    /// Adds the settings Entitle relies on: a shared pool and a generous busy timeout, so that concurrent writers
    /// queue for SQLite's single write lock instead of failing.
    /// </summary>
    public static string Complete(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 60;
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
