using System.Data.Common;
using Entitle.Domain;
using Microsoft.Data.Sqlite;

namespace Entitle.Persistence;

/// <summary>
/// Columns read by hand (<see cref="HandWrittenSql{TResult}"/>) as EF Core's converters read them: instants are
/// stored in UTC (text on SQLite, <c>timestamp</c> on PostgreSQL) and come back marked UTC; lifecycle states are
/// stored as their lower-case names.
/// </summary>
public static class StoredValues
{
    public static DateTime? Instant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : RequiredInstant(reader, ordinal);

    /// <summary>
    /// On SQLite the text EF Core writes (<c>yyyy-MM-dd HH:mm:ss</c> and up to seven digits of fraction) is read
    /// digit by digit: Microsoft.Data.Sqlite hands it to <see cref="DateTime.Parse(string, IFormatProvider)"/>, whose
    /// general parser was 6% of the service's CPU for a catalog page (two instants for each of its ~1,000 courses;
    /// docs/benchmarks.md). Any other text (or a number, read here as its text) goes the provider's way, as before.
    /// </summary>
    public static DateTime RequiredInstant(DbDataReader reader, int ordinal) =>
        reader is SqliteDataReader && SqliteInstant.TryParse(reader.GetString(ordinal), out var instant)
            ? instant
            : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static LifecycleState State(DbDataReader reader, int ordinal) => Enum.Parse<LifecycleState>(reader.GetString(ordinal), ignoreCase: true);
}
