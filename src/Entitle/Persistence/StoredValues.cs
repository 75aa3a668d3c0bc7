using System.Data.Common;
using Entitle.Domain;

namespace Entitle.Persistence;

/// <summary>
/// Columns read by hand (<see cref="HandWrittenSql{TResult}"/>) as EF Core's converters read them: instants are
/// stored in UTC (text on SQLite, <c>timestamp</c> on PostgreSQL) and come back marked UTC; lifecycle states are
/// stored as their lower-case names.
/// </summary>
public static class StoredValues
{
    public static DateTime? Instant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static DateTime RequiredInstant(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static LifecycleState State(DbDataReader reader, int ordinal) => Enum.Parse<LifecycleState>(reader.GetString(ordinal), ignoreCase: true);
}
