namespace Entitle.Domain.PassTypes;

/// <summary>
/// How long an option's passes run. Months and years are calendar arithmetic clamped to the month's end
/// (Jan 31 + 1 month = Feb 28 or 29); the end instant is exclusive.
/// </summary>
public readonly record struct ValidityPeriod
{
    /// <summary>Long enough for any real pass, short enough that no date arithmetic overflows: 100 years.</summary>
    public const int MaxYears = 100;

    /// <summary>100 years in days, counting every year as a leap year.</summary>
    public const int MaxDays = 36_600;

    public ValidityPeriod(PeriodUnit unit, int value)
    {
        if (value <= 0)
        {
            throw new DomainRuleException("validityPeriod.value", "validityPeriod.value must be a positive whole number.", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Calendar units are limited in their own terms, so that 1,200 months is accepted exactly as 100 years is.
        var longest = unit switch
        {
            PeriodUnit.Days => MaxDays,
            PeriodUnit.Weeks => MaxDays / 7,
            PeriodUnit.Months => MaxYears * 12,
            PeriodUnit.Years => MaxYears,
            _ => throw new DomainRuleException("validityPeriod.unit", "validityPeriod.unit is not one of days, weeks, months, years.", unit.ToString()),
        };
        if (value > longest)
        {
            throw new DomainRuleException("validityPeriod.value", "validityPeriod is longer than 100 years.", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Unit = unit;
        Value = value;
    }

    public PeriodUnit Unit { get; }

    public int Value { get; }

    /// <summary>
    /// The end of a period that starts at <paramref name="start"/>; a refusal naming <paramref name="field"/> when
    /// that end is past the last instant a date can hold (a start near 9999-12-31 plus a year, say).
    /// </summary>
    public DateTime AddTo(DateTime start, string field)
    {
        try
        {
            return Unit switch
            {
                PeriodUnit.Days => start.AddDays(Value),
                PeriodUnit.Weeks => start.AddDays(7 * Value),
                PeriodUnit.Months => start.AddMonths(Value),
                PeriodUnit.Years => start.AddYears(Value),
                _ => throw new InvalidOperationException($"Unknown period unit {Unit}."),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new DomainRuleException(
                field,
                $"{field} plus the period of {Value} {Unit.ToString().ToLowerInvariant()} ends after 9999-12-31, the last day an instant can hold.",
                Instant.Format(start));
        }
    }
}
