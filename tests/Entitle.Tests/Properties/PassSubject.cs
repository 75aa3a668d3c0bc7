using Entitle.Domain;
using Entitle.Domain.Contacts;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Properties;

/// <summary>
/// The real domain objects a random sequence acts on: a published type with its options, one pass issued on the first
/// option, and the clock. Every operation records whether it was done or refused, and checks on the way the rules
/// that hold whatever the model says: a refusal is a <see cref="DomainRuleException"/> that changes nothing, and
/// a renewal never shortens the pass.
/// </summary>
internal sealed class PassSubject
{
    public PassSubject(DateTime now, DateTime validFrom, DateTime? validUntil, IReadOnlyList<OptionModel> options)
    {
        Now = now;
        Type = PassType.Create(1, "PROP", "Property pass", null, now);
        Options = options.Select(o => Type.AddOption("Option", new ValidityPeriod(o.Unit, o.Value), now)).ToList();
        for (var i = 0; i < options.Count; i++)
        {
            Options[i].ChangeLifecycle(options[i].State, now);
        }

        Type.ChangeLifecycle(LifecycleState.Published, now);
        Pass = Pass.Issue(Type, Options[0], Learner, validFrom, validUntil, now);
    }

    public DateTime Now { get; private set; }

    public PassType Type { get; }

    public List<PassTypeOption> Options { get; }

    public Pass Pass { get; private set; }

    public Contact Learner { get; } = Contact.CreateWithId(5, 1, "Ada", "Lovelace", "ada@example.com", DateTime.UnixEpoch);

    public List<bool> Outcomes { get; } = [];

    public void Advance(long ticks) => Now = Now.AddTicks(ticks);

    public void AdvanceToEnd(long ticks)
    {
        var target = Pass.ValidUntil.AddTicks(ticks);
        if (target > Now)
        {
            Now = target;
        }
    }

    /// <summary>Issues a new pass, which the following operations act on.</summary>
    public void Issue(int option, DateTime validFrom, DateTime? validUntil) =>
        Attempt(() => Pass = Pass.Issue(Type, Options[option], Learner, validFrom, validUntil, Now));

    public void RenewByPeriod(int? option) => Renew(option is { } i ? Options[i] : null, null);

    public void RenewTo(DateTime validUntil, int? option) => Renew(option is { } i ? Options[i] : null, validUntil);

    public void Revoke() => Attempt(() => Pass.Revoke(Now));

    public void Reschedule(DateTime validFrom, DateTime validUntil) => Attempt(() => Pass.Reschedule(validFrom, validUntil, Now));

    public void ChangePeriod(int option, PeriodUnit unit, int value) => Attempt(() => Options[option].ChangePeriod(new ValidityPeriod(unit, value), Now));

    public void ChangeLifecycle(int option, LifecycleState target)
    {
        var before = Options.Select(o => o.LifecycleState).ToList();
        if (!Attempt(() => Options[option].ChangeLifecycle(target, Now)))
        {
            Assert.Equal(before, Options.Select(o => o.LifecycleState));
        }
    }

    public bool Matches(PassModel model) =>
        Now == model.Now
        && Pass.ValidFrom == model.ValidFrom
        && Pass.ValidUntil == model.ValidUntil
        && Pass.CancelledAt == model.CancelledAt
        && Pass.StateAt(Now) == model.State
        && Pass.IsValidAt(Now) == model.IsValidNow
        && Pass.Option == Options[model.OptionIndex]
        && Options.Select(o => new OptionModel(o.PeriodUnit, o.PeriodValue, o.LifecycleState)).SequenceEqual(model.Options)
        && Outcomes.SequenceEqual(model.Outcomes);

    public override string ToString() =>
        $"now {Now:O}, {Pass.ValidFrom:O} to {Pass.ValidUntil:O}{(Pass.CancelledAt is { } c ? $", cancelled {c:O}" : "")}, option {Options.IndexOf(Pass.Option!)} of [{string.Join(", ", Options.Select(o => $"{o.PeriodValue} {o.PeriodUnit} {o.LifecycleState}"))}], outcomes {string.Join("", Outcomes.Select(o => o ? '+' : '-'))}";

    private void Renew(PassTypeOption? option, DateTime? validUntil)
    {
        var before = Pass.ValidUntil;
        if (Attempt(() => Pass.Renew(option, validUntil, Now)))
        {
            Assert.True(Pass.ValidUntil > before, $"A renewal moved validUntil from {before:O} to {Pass.ValidUntil:O}.");
            // Counted from max(now, validUntil), so a pass renewed by a period is never left expired.
            Assert.True(validUntil is not null || Pass.StateAt(Now) == PassLifecycleState.Active, $"A pass renewed by a period is {Pass.StateAt(Now)} at {Now:O}.");
        }
    }

    /// <summary>Runs <paramref name="change"/>; a refusal must be a domain rule and leave the pass exactly as it was.</summary>
    private bool Attempt(Action change)
    {
        var before = (Pass.ValidFrom, Pass.ValidUntil, Pass.CancelledAt, Pass.Option, Pass.UpdatedAt);
        try
        {
            change();
            Outcomes.Add(true);
            return true;
        }
        catch (DomainRuleException)
        {
            Assert.Equal(before, (Pass.ValidFrom, Pass.ValidUntil, Pass.CancelledAt, Pass.Option, Pass.UpdatedAt));
            Outcomes.Add(false);
            return false;
        }
    }
}
