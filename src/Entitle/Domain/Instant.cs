using System.Globalization;

namespace Entitle.Domain;

/// <summary>How instants are written in messages and answers: ISO 8601 in UTC, like <c>2023-05-01T00:00:00Z</c>.</summary>
public static class Instant
{
    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
