using Entitle.Domain;
using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Domain;

public sealed class ValidityPeriodTests
{
    [Theory]
    [InlineData("2024-01-31T00:00:00", PeriodUnit.Months, 1, "2024-02-29T00:00:00")]
    [InlineData("2023-01-31T00:00:00", PeriodUnit.Months, 1, "2023-02-28T00:00:00")]
    [InlineData("2023-03-31T10:15:00", PeriodUnit.Months, 1, "2023-04-30T10:15:00")]
    [InlineData("2023-05-01T00:00:00", PeriodUnit.Months, 1, "2023-06-01T00:00:00")]
    [InlineData("2023-08-31T00:00:00", PeriodUnit.Months, 6, "2024-02-29T00:00:00")]
    [InlineData("2024-02-29T00:00:00", PeriodUnit.Years, 1, "2025-02-28T00:00:00")]
    [InlineData("2024-02-29T00:00:00", PeriodUnit.Years, 4, "2028-02-29T00:00:00")]
    [InlineData("2023-12-25T08:00:00", PeriodUnit.Weeks, 2, "2024-01-08T08:00:00")]
    [InlineData("2023-12-31T23:00:00", PeriodUnit.Days, 1, "2024-01-01T23:00:00")]
    public void CalendarArithmeticClampsToTheMonthsEnd(string start, PeriodUnit unit, int value, string expected)
    {
        var from = DateTime.SpecifyKind(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var until = new ValidityPeriod(unit, value).AddTo(from, "validFrom");

        Assert.Equal(expected, until.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(PeriodUnit.Days, 0)]
    [InlineData(PeriodUnit.Days, -1)]
    [InlineData(PeriodUnit.Years, 101)]
    [InlineData(PeriodUnit.Months, 1300)]
    [InlineData(PeriodUnit.Weeks, int.MaxValue)]
    public void NonPositiveAndCenturyLongPeriodsAreRefused(PeriodUnit unit, int value)
    {
        var error = Assert.Throws<DomainRuleException>(() => new ValidityPeriod(unit, value));

        Assert.Equal("validityPeriod.value", error.Field);
    }

    [Fact]
    public void TheLongestPeriodStillAddsToAnyRealDate()
    {
        var until = new ValidityPeriod(PeriodUnit.Years, 100).AddTo(new DateTime(2999, 12, 31, 0, 0, 0, DateTimeKind.Utc), "validFrom");

        Assert.Equal(3099, until.Year);
    }

    [Theory]
    [InlineData(PeriodUnit.Days, 1)]
    [InlineData(PeriodUnit.Weeks, 1)]
    [InlineData(PeriodUnit.Months, 1)]
    [InlineData(PeriodUnit.Years, 1)]
    public void APeriodEndingAfterTheLastRepresentableDayIsARefusalNamingTheField(PeriodUnit unit, int value)
    {
        var error = Assert.Throws<DomainRuleException>(() => new ValidityPeriod(unit, value).AddTo(new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), "validUntil"));

        Assert.Equal("validUntil", error.Field);
        Assert.Contains("9999-12-31", error.Message, StringComparison.Ordinal);
    }
}
