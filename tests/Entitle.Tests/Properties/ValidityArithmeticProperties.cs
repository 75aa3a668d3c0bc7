using CsCheck;
using Entitle.Domain;
using Entitle.Domain.Contacts;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Properties;

/// <summary>
/// Validity periods against the spec's rule, stated independently in <see cref="CivilCalendar"/>: calendar months and
/// years clamped to the month's end, whole days and weeks, and an exclusive end. Starts are drawn across centuries,
/// month ends, leap days and the last tick of a day; counts across each unit's whole range and its boundaries.
/// </summary>
public sealed class ValidityArithmeticProperties
{
    private const long Iterations = 5_000;

    private static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Gen<long> TimeOfDay = Gen.OneOf<long>(
        Gen.Const(0L),
        Gen.Const(TimeSpan.TicksPerDay - 1),
        Gen.Long[0, TimeSpan.TicksPerDay - 1]);

    /// <summary>Any instant from 1900 to 2199, with month ends (the 28th to the 31st), leap days and year ends drawn often.</summary>
    private static readonly Gen<DateTime> Start = Gen.Frequency<DateTime>(
        (3, Gen.DateTime.Utc[Earliest, new DateTime(2199, 12, 31, 23, 59, 59, DateTimeKind.Utc)]),
        (3, from year in Gen.Int[1900, 2199]
            from month in Gen.Int[1, 12]
            from fromEnd in Gen.Int[0, 3]
            from time in TimeOfDay
            select At(year, month, CivilCalendar.DaysInMonth(year, month) - fromEnd, time)),
        (1, from year in Gen.Int[1900, 2199].Select(y => y - (y % 4)).Where(CivilCalendar.IsLeapYear)
            from time in TimeOfDay
            select At(year, 2, 29, time)),
        (1, from year in Gen.Int[1900, 2199]
            from time in TimeOfDay
            select At(year, 12, 31, time)));

    private static readonly Gen<PeriodUnit> Unit = Gen.Enum<PeriodUnit>();

    /// <summary>A count the domain accepts for <paramref name="unit"/>: 1, the longest, or anything between.</summary>
    private static Gen<int> Count(PeriodUnit unit) => Gen.OneOf<int>(Gen.Const(1), Gen.Const(Longest(unit)), Gen.Int[1, 24], Gen.Int[1, Longest(unit)]);

    private static readonly Gen<(DateTime Start, PeriodUnit Unit, int Value)> StartAndPeriod =
        from start in Start
        from unit in Unit
        from value in Count(unit)
        select (start, unit, value);

    [Fact]
    public void TheIndependentCalendarAgreesWithFixedDates()
    {
        Assert.Equal(0, CivilCalendar.DayNumber(1, 1, 1));
        Assert.Equal(719_162, CivilCalendar.DayNumber(1970, 1, 1));
        Assert.Equal((2000, 2, 29), CivilCalendar.FromDayNumber(CivilCalendar.DayNumber(2000, 2, 29)));
        Assert.Equal(new DateTime(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc), CivilCalendar.AddMonths(new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc), 1));

        Gen.Long[0, CivilCalendar.DayNumber(9999, 12, 31)].Sample(
            n =>
            {
                var (year, month, day) = CivilCalendar.FromDayNumber(n);
                return day >= 1 && day <= CivilCalendar.DaysInMonth(year, month) && CivilCalendar.DayNumber(year, month, day) == n;
            },
            iter: Iterations);
    }

    [Fact]
    public void AddingAPeriodFollowsTheCalendarRule()
    {
        StartAndPeriod.Sample(
            (start, unit, value) => Assert.Equal(CivilCalendar.Add(start, unit, value), new ValidityPeriod(unit, value).AddTo(start, "validFrom")),
            iter: Iterations);
    }

    [Fact]
    public void TheEndIsLaterThanTheStartAndKeepsTheTimeOfDayAndKind()
    {
        StartAndPeriod.Sample(
            (start, unit, value) =>
            {
                var end = new ValidityPeriod(unit, value).AddTo(start, "validFrom");

                Assert.True(end > start, $"{end:O} is not after {start:O}");
                Assert.Equal(start.TimeOfDay, end.TimeOfDay);
                Assert.Equal(DateTimeKind.Utc, end.Kind);
            },
            iter: Iterations);
    }

    [Fact]
    public void MonthsAndYearsLandInTheRightMonthClampedToItsLastDay()
    {
        var calendarPeriods =
            from start in Start
            from unit in Gen.OneOf(PeriodUnit.Months, PeriodUnit.Years)
            from value in Count(unit)
            select (start, unit, value);

        calendarPeriods.Sample(
            (start, unit, value) =>
            {
                var end = new ValidityPeriod(unit, value).AddTo(start, "validFrom");
                var months = unit == PeriodUnit.Years ? 12 * value : value;
                var lastDay = CivilCalendar.DaysInMonth(end.Year, end.Month);

                // The month is exactly n later: a clamped day never spills into the month after.
                Assert.Equal((start.Year * 12) + start.Month - 1 + months, (end.Year * 12) + end.Month - 1);
                Assert.Equal(Math.Min(start.Day, lastDay), end.Day);
            },
            iter: Iterations);
    }

    [Fact]
    public void DaysAndWeeksAreExactDurations()
    {
        var exactPeriods =
            from start in Start
            from unit in Gen.OneOf(PeriodUnit.Days, PeriodUnit.Weeks)
            from value in Count(unit)
            select (start, unit, value);

        exactPeriods.Sample(
            (start, unit, value) =>
            {
                var days = unit == PeriodUnit.Weeks ? 7L * value : value;
                var elapsed = new ValidityPeriod(unit, value).AddTo(start, "validFrom") - start;

                Assert.Equal(days * TimeSpan.TicksPerDay, elapsed.Ticks);
            },
            iter: Iterations);
    }

    [Fact]
    public void ALongerPeriodEndsLater()
    {
        // Counts often only a step apart, where an off-by-one in the arithmetic would show.
        var pairs =
            from start in Start
            from unit in Unit
            from shorter in Count(unit)
            from step in Gen.OneOf<int>(Gen.Int[0, 2], Gen.Int[0, Longest(unit)])
            select (start, unit, shorter, Math.Min(Longest(unit), shorter + step));

        pairs.Sample(
            (start, unit, shorter, longer) =>
            {
                var shorterEnd = new ValidityPeriod(unit, shorter).AddTo(start, "validFrom");
                var longerEnd = new ValidityPeriod(unit, longer).AddTo(start, "validFrom");

                Assert.True(shorter == longer ? shorterEnd == longerEnd : shorterEnd < longerEnd, $"{longer} {unit} end at {longerEnd:O}, {shorter} at {shorterEnd:O}");
            },
            iter: Iterations);
    }

    [Fact]
    public void ALaterStartNeverEndsOnAnEarlierDay()
    {
        // Not "at an earlier instant": Jan 29 23:59 and Jan 31 00:00 plus a month both clamp to Feb 28, the first
        // keeping its later time of day. Whole days and weeks keep the order exactly.
        var pairs =
            from first in Start
            from gap in Gen.OneOf<long>(Gen.Long[0, 3 * TimeSpan.TicksPerDay], Gen.Long[0, 400 * TimeSpan.TicksPerDay])
            from unit in Unit
            from value in Count(unit)
            select (first, first.AddTicks(gap), unit, value);

        pairs.Sample(
            (early, late, unit, value) =>
            {
                var period = new ValidityPeriod(unit, value);

                Assert.True(period.AddTo(early, "validFrom").Date <= period.AddTo(late, "validFrom").Date, $"from {early:O} ends {period.AddTo(early, "validFrom"):O}, from {late:O} ends {period.AddTo(late, "validFrom"):O}");
                Assert.True(unit is PeriodUnit.Months or PeriodUnit.Years || period.AddTo(early, "validFrom") <= period.AddTo(late, "validFrom"));
            },
            iter: Iterations);
    }

    [Fact]
    public void PeriodsAddedOneAfterAnotherNeverOutlastOnePeriodOfTheirSum()
    {
        // Clamping can only lose days (Jan 31 + 1 month + 1 month = Mar 28, not Mar 31); whole days and weeks lose none.
        var steps =
            from start in Start
            from unit in Unit
            from a in Gen.Int[1, Longest(unit) / 2]
            from b in Gen.Int[1, Longest(unit) / 2]
            select (start, unit, a, b);

        steps.Sample(
            (start, unit, a, b) =>
            {
                var stepwise = new ValidityPeriod(unit, b).AddTo(new ValidityPeriod(unit, a).AddTo(start, "validFrom"), "validFrom");
                var whole = new ValidityPeriod(unit, a + b).AddTo(start, "validFrom");

                Assert.True(stepwise <= whole, $"{a}+{b} {unit} from {start:O}: {stepwise:O} after {whole:O}");
                Assert.True(unit is PeriodUnit.Months or PeriodUnit.Years || stepwise == whole);
            },
            iter: Iterations);
    }

    [Fact]
    public void TheSameLengthInAnotherUnitIsTheSamePeriod()
    {
        var equivalents =
            from start in Start
            from years in Gen.Int[1, Longest(PeriodUnit.Years)]
            from weeks in Gen.Int[1, Longest(PeriodUnit.Weeks)]
            select (start, years, weeks);

        equivalents.Sample(
            (start, years, weeks) =>
            {
                Assert.Equal(new ValidityPeriod(PeriodUnit.Years, years).AddTo(start, "validFrom"), new ValidityPeriod(PeriodUnit.Months, 12 * years).AddTo(start, "validFrom"));
                Assert.Equal(new ValidityPeriod(PeriodUnit.Weeks, weeks).AddTo(start, "validFrom"), new ValidityPeriod(PeriodUnit.Days, 7 * weeks).AddTo(start, "validFrom"));
            },
            iter: Iterations);
    }

    [Fact]
    public void APeriodIsAcceptedExactlyWhenItIsPositiveAndAtMostOneHundredYears()
    {
        var anyCount =
            from unit in Unit
            from value in Gen.OneOf<int>(
                Gen.Int[-2, 2],
                Gen.Int[Longest(unit) - 2, Longest(unit) + 2],
                Gen.Int,
                Gen.OneOf(int.MinValue, int.MaxValue))
            select (unit, value);

        anyCount.Sample(
            (unit, value) =>
            {
                var expected = value >= 1 && value <= Longest(unit);
                var refusal = Record.Exception(() => new ValidityPeriod(unit, value));

                Assert.True(expected == (refusal is null), $"{value} {unit}: {(expected ? "refused" : "accepted")} ({refusal?.Message})");
                Assert.True(refusal is null or DomainRuleException { Field: "validityPeriod.value" }, refusal?.ToString());
            },
            iter: Iterations);
    }

    [Fact]
    public void APassIsValidFromItsStartUpToButExcludingItsEnd()
    {
        var type = PassType.Create(1, "P", "Property", null, Earliest);
        var learner = Contact.CreateWithId(5, 1, "Ada", "Lovelace", "ada@example.com", Earliest);
        var probes =
            from p in StartAndPeriod
            let end = new ValidityPeriod(p.Unit, p.Value).AddTo(p.Start, "validFrom")
            from t in Gen.OneOf<DateTime>(
                Gen.OneOf(p.Start.AddTicks(-1), p.Start, p.Start.AddTicks(1), end.AddTicks(-1), end, end.AddTicks(1)),
                Gen.Long[p.Start.Ticks - TimeSpan.TicksPerDay, end.Ticks + TimeSpan.TicksPerDay].Select(ticks => new DateTime(ticks, DateTimeKind.Utc)))
            select (p.Start, End: end, t);
        Publish(type, PeriodUnit.Days, 1);

        probes.Sample(
            (start, end, t) =>
            {
                var pass = Pass.Issue(type, null, learner, start, end, Earliest);
                var inside = start <= t && t < end;

                Assert.Equal(inside, pass.IsValidAt(t));
                Assert.Equal(t >= end ? PassLifecycleState.Expired : PassLifecycleState.Active, pass.StateAt(t));
            },
            iter: Iterations);
    }

    [Fact]
    public void AnOptionIssuesPassesThatEndOnePeriodAfterTheirStart()
    {
        StartAndPeriod.Sample(
            (start, unit, value) =>
            {
                var type = PassType.Create(1, "P", "Property", null, Earliest);
                var option = Publish(type, unit, value);

                var pass = Pass.Issue(type, option, Contact.CreateWithId(5, 1, "Ada", "Lovelace", "ada@example.com", Earliest), start, null, Earliest);

                Assert.Equal(start, pass.ValidFrom);
                Assert.Equal(CivilCalendar.Add(start, unit, value), pass.ValidUntil);
            },
            iter: Iterations);
    }

    /// <summary>The longest count of <paramref name="unit"/> the docs allow: "at most 100 years in all" (days and weeks count 366-day years).</summary>
    private static int Longest(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Days => 36_600,
        PeriodUnit.Weeks => 36_600 / 7,
        PeriodUnit.Months => 1_200,
        PeriodUnit.Years => 100,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "No limit is known for this unit."),
    };

    private static PassTypeOption Publish(PassType type, PeriodUnit unit, int value)
    {
        var option = type.AddOption("Option", new ValidityPeriod(unit, value), Earliest);
        option.ChangeLifecycle(LifecycleState.Published, Earliest);
        if (type.LifecycleState != LifecycleState.Published)
        {
            type.ChangeLifecycle(LifecycleState.Published, Earliest);
        }

        return option;
    }

    private static DateTime At(int year, int month, int day, long timeOfDayTicks) =>
        new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).AddTicks(timeOfDayTicks);
}
