using Entitle.Domain;
using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Domain;

public sealed class PassTypeTests
{
    private static readonly DateTime Now = new(2023, 4, 3, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(LifecycleState.Draft, LifecycleState.Published, true)]
    [InlineData(LifecycleState.Draft, LifecycleState.Archived, false)]
    [InlineData(LifecycleState.Published, LifecycleState.Archived, true)]
    [InlineData(LifecycleState.Published, LifecycleState.Draft, false)]
    [InlineData(LifecycleState.Archived, LifecycleState.Published, true)]
    [InlineData(LifecycleState.Archived, LifecycleState.Draft, false)]
    [InlineData(LifecycleState.Published, LifecycleState.Published, true)]
    public void TransitionsFollowTheLifecycle(LifecycleState from, LifecycleState to, bool allowed)
    {
        var type = TypeIn(from);

        var error = Record.Exception(() => type.ChangeLifecycle(to, Now));

        Assert.Equal(allowed, error is null);
        Assert.Equal(allowed ? to : from, type.LifecycleState);
    }

    [Fact]
    public void ATypeIsPublishedOnlyWithAPublishedOption()
    {
        var type = PassType.Create(1, "S", "Silver", null, Now);
        var option = type.AddOption("Monthly", new ValidityPeriod(PeriodUnit.Months, 1), Now);

        Assert.Equal("lifecycleState", Assert.Throws<DomainRuleException>(() => type.ChangeLifecycle(LifecycleState.Published, Now)).Field);
        option.ChangeLifecycle(LifecycleState.Published, Now);
        type.ChangeLifecycle(LifecycleState.Published, Now);

        Assert.Equal(LifecycleState.Published, type.LifecycleState);
    }

    [Fact]
    public void ThePublishedTypesLastPublishedOptionStays()
    {
        var type = TypeIn(LifecycleState.Published);
        var only = type.Options.Single();
        var second = type.AddOption("Weekly", new ValidityPeriod(PeriodUnit.Weeks, 1), Now);

        Assert.Throws<DomainRuleException>(() => only.ChangeLifecycle(LifecycleState.Archived, Now));
        second.ChangeLifecycle(LifecycleState.Published, Now);
        only.ChangeLifecycle(LifecycleState.Archived, Now);

        Assert.Equal(second, type.DefaultOption);
    }

    [Fact]
    public void ContentIsAddedOnceAndRemovingWhatIsAbsentIsAnError()
    {
        var type = PassType.Create(1, "S", "Silver", null, Now);

        type.AddContent([3, 3, 4], [1], Now);
        type.AddContent([4], [1, 2], Now);

        Assert.Equal(4, type.Content.Count);
        Assert.Equal("courseIds", Assert.Throws<DomainRuleException>(() => type.RemoveContent([9], [], Now)).Field);
        type.RemoveContent([3], [2], Now);
        Assert.Equal(2, type.Content.Count);
    }

    [Theory]
    [InlineData("99.90", 9990)]
    [InlineData("99.9", 9990)]
    [InlineData("0", 0)]
    [InlineData(" 120 ", 12000)]
    [InlineData("9999999999.99", 999_999_999_999)]
    public void AmountsAreExactMinorUnits(string text, long minor)
    {
        Assert.Equal(minor, Money.ParseMinorUnits(text, "amount"));
        Assert.Equal(text.Trim().Contains('.', StringComparison.Ordinal) && text.Trim().Split('.')[1].Length == 2 ? text.Trim() : Money.Format(minor), Money.Format(minor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("1,00")]
    [InlineData("1e2")]
    [InlineData("١٢")]
    [InlineData("+5")]
    [InlineData("99999999999")]
    public void MalformedAmountsAreRefused(string text) =>
        Assert.Equal("amount", Assert.Throws<DomainRuleException>(() => Money.ParseMinorUnits(text, "amount")).Field);

    [Theory]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    public void NamesRefuseControlCharacters(string name) =>
        Assert.Equal("name", Assert.Throws<DomainRuleException>(() => PassType.Create(1, "C", name, null, Now)).Field);

    [Fact]
    public void NamesRefuseBrokenText()
    {
        var loneSurrogate = new string(['A', (char)0xD800, 'B']);

        Assert.Equal("name", Assert.Throws<DomainRuleException>(() => PassType.Create(1, "C", loneSurrogate, null, Now)).Field);
    }

    private static PassType TypeIn(LifecycleState state)
    {
        var type = PassType.Create(1, "T", "Type", null, Now);
        var option = type.AddOption("Monthly", new ValidityPeriod(PeriodUnit.Months, 1), Now);
        option.ChangeLifecycle(LifecycleState.Published, Now);
        if (state != LifecycleState.Draft)
        {
            type.ChangeLifecycle(LifecycleState.Published, Now);
        }

        if (state == LifecycleState.Archived)
        {
            type.ChangeLifecycle(LifecycleState.Archived, Now);
        }

        return type;
    }
}
