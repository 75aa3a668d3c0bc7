using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Properties;

/// <summary>
/// The spec's calendar rule stated independently of the app: Gregorian leap years, day numbers counted by hand and
/// months added on a (year, month) counter then clamped to the target month's last day. It uses no
/// <see cref="DateTime"/> arithmetic, only reads a date's parts and builds the answer from parts, so a property that
/// compares the app's dates with these has two different computations to disagree.
/// </summary>
internal static class CivilCalendar
{
    private const long TicksPerDay = 864_000_000_000;

    public static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>The instant <paramref name="value"/> <paramref name="unit"/>s after <paramref name="start"/>, by the spec's rule.</summary>
    public static DateTime Add(DateTime start, PeriodUnit unit, int value) => unit switch
    {
        PeriodUnit.Days => AddDays(start, value),
        PeriodUnit.Weeks => AddDays(start, 7L * value),
        PeriodUnit.Months => AddMonths(start, value),
        PeriodUnit.Years => AddMonths(start, 12L * value),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "The calendar rule knows no such unit."),
    };

    /// <summary>Whole days: the same time of day, <paramref name="days"/> dates later.</summary>
    public static DateTime AddDays(DateTime start, long days)
    {
        var (year, month, day) = FromDayNumber(DayNumber(start.Year, start.Month, start.Day) + days);
        return At(year, month, day, TimeOfDayTicks(start));
    }

    /// <summary>Calendar months: the same day and time of day in the month <paramref name="months"/> later, clamped to that month's last day.</summary>
    public static DateTime AddMonths(DateTime start, long months)
    {
        var index = (start.Year * 12L) + (start.Month - 1) + months;
        var year = (int)(index / 12);
        var month = (int)(index % 12) + 1;
        return At(year, month, Math.Min(start.Day, DaysInMonth(year, month)), TimeOfDayTicks(start));
    }

    /// <summary>Days since 0001-01-01 in the proleptic Gregorian calendar.</summary>
    public static long DayNumber(int year, int month, int day)
    {
        var previousYears = year - 1L;
        var days = (365 * previousYears) + (previousYears / 4) - (previousYears / 100) + (previousYears / 400);
        for (var m = 1; m < month; m++)
        {
            days += DaysInMonth(year, m);
        }

        return days + day - 1;
    }

    public static (int Year, int Month, int Day) FromDayNumber(long dayNumber)
    {
        // 400 Gregorian years are exactly 146,097 days; walk the remainder a year, then a month, at a time.
        const long DaysPer400Years = 146_097;
        var year = 1 + (int)(400 * (dayNumber / DaysPer400Years));
        var rest = dayNumber % DaysPer400Years;
        while (rest >= (IsLeapYear(year) ? 366 : 365))
        {
            rest -= IsLeapYear(year) ? 366 : 365;
            year++;
        }

        var month = 1;
        while (rest >= DaysInMonth(year, month))
        {
            rest -= DaysInMonth(year, month);
            month++;
        }

        return (year, month, (int)rest + 1);
    }

    private static long TimeOfDayTicks(DateTime t) => t.Ticks % TicksPerDay;

    private static DateTime At(int year, int month, int day, long timeOfDayTicks) =>
        new(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).Ticks + timeOfDayTicks, DateTimeKind.Utc);
}
