using Entitle.Domain;
using Entitle.Domain.Contacts;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Domain;

public sealed class PassTests
{
    private static readonly DateTime Now = new(2023, 4, 3, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime May1 = new(2023, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime June1 = new(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void APassIsValidFromItsStartUpToButNotIncludingItsEnd()
    {
        var pass = Pass.Issue(PublishedType(out var option), option, Learner(), May1, June1, Now);

        Assert.False(pass.IsValidAt(May1.AddTicks(-1)));
        Assert.True(pass.IsValidAt(May1));
        Assert.True(pass.IsValidAt(June1.AddTicks(-1)));
        Assert.False(pass.IsValidAt(June1));
        Assert.Equal(PassLifecycleState.Active, pass.StateAt(June1.AddTicks(-1)));
        Assert.Equal(PassLifecycleState.Expired, pass.StateAt(June1));
    }

    [Fact]
    public void IssuingTakesTheOptionsPeriodWhenNoEndIsGiven()
    {
        var pass = Pass.Issue(PublishedType(out var option), option, Learner(), May1, null, Now);

        Assert.Equal(June1, pass.ValidUntil);
    }

    [Fact]
    public void OnlyPublishedTypesAndOptionsAreIssued()
    {
        var draftType = PassType.Create(1, "D", "Draft", null, Now);
        var draftOption = draftType.AddOption("Monthly", new ValidityPeriod(PeriodUnit.Months, 1), Now);
        var type = PublishedType(out var published);
        var unpublished = type.AddOption("Weekly", new ValidityPeriod(PeriodUnit.Weeks, 1), Now);

        Assert.Equal("trainingPassTypeId", Assert.Throws<DomainRuleException>(() => Pass.Issue(draftType, draftOption, Learner(), May1, null, Now)).Field);
        Assert.Equal("trainingPassTypeOptionId", Assert.Throws<DomainRuleException>(() => Pass.Issue(type, unpublished, Learner(), May1, null, Now)).Field);
        Assert.Equal("validUntil", Assert.Throws<DomainRuleException>(() => Pass.Issue(type, published, Learner(), June1, May1, Now)).Field);
    }

    [Fact]
    public void RenewalCountsFromTheLaterOfNowAndValidUntil()
    {
        var type = PublishedType(out var option);
        var running = Pass.Issue(type, option, Learner(), May1, June1, Now);
        var lapsed = Pass.Issue(type, option, Learner(), May1, June1, Now);

        running.Renew(null, null, new DateTime(2023, 5, 20, 0, 0, 0, DateTimeKind.Utc));
        lapsed.Renew(null, null, new DateTime(2023, 6, 15, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2023, 7, 1, 0, 0, 0, DateTimeKind.Utc), running.ValidUntil);
        Assert.Equal(new DateTime(2023, 7, 15, 12, 0, 0, DateTimeKind.Utc), lapsed.ValidUntil);
        Assert.Equal(May1, lapsed.ValidFrom);
    }

    [Fact]
    public void RenewalToAGivenEndMustMoveItLater()
    {
        var pass = Pass.Issue(PublishedType(out var option), option, Learner(), May1, June1, Now);

        Assert.Throws<DomainRuleException>(() => pass.Renew(null, June1, Now));
        pass.Renew(null, June1.AddDays(30), Now);

        Assert.Equal(June1.AddDays(30), pass.ValidUntil);
    }

    [Fact]
    public void RevocationIsFinal()
    {
        var pass = Pass.Issue(PublishedType(out var option), option, Learner(), May1, June1, Now);

        pass.Revoke(Now);

        Assert.Equal(PassLifecycleState.Cancelled, pass.StateAt(May1));
        Assert.False(pass.IsValidAt(May1));
        Assert.Throws<DomainRuleException>(() => pass.Revoke(Now));
        Assert.Throws<DomainRuleException>(() => pass.Renew(null, null, Now));
        Assert.Throws<DomainRuleException>(() => pass.Reassign(Learner(7), Now));
    }

    private static Contact Learner(int id = 5) => Contact.CreateWithId(id, 1, "Ada", "Lovelace", "ada@example.com", Now);

    private static PassType PublishedType(out PassTypeOption option)
    {
        var type = PassType.Create(1, "GOLD", "Gold", null, Now);
        option = type.AddOption("Monthly", new ValidityPeriod(PeriodUnit.Months, 1), Now);
        option.ChangeLifecycle(LifecycleState.Published, Now);
        type.ChangeLifecycle(LifecycleState.Published, Now);
        return type;
    }
}
