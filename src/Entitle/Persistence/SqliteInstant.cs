namespace Entitle.Persistence;

/// <summary>
/// Reads the one text form EF Core and Microsoft.Data.Sqlite write an instant in on SQLite,
/// <c>yyyy-MM-dd HH:mm:ss</c> with an optional fraction of one to seven digits, as a UTC <see cref="DateTime"/>.
/// Anything else (another form, an impossible date) is not this form, and the caller parses it the general way.
/// </summary>
public static class SqliteInstant
{
    private const int WholeSeconds = 19;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime instant)
    {
        instant = default;
        if (text.Length < WholeSeconds || text.Length == WholeSeconds + 1 || text.Length > WholeSeconds + 8
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0;
        if (text.Length > WholeSeconds)
        {
            var fraction = text[(WholeSeconds + 1)..];
            if (text[WholeSeconds] != '.' || !Digits(fraction, out ticks))
            {
                return false;
            }

            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
