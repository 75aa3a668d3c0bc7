using Entitle.Domain;
using Entitle.Domain.Passes;
using Entitle.Domain.PassTypes;

namespace Entitle.Tests.Properties;

/// <summary>
/// A pass, its type's options and the clock as the spec describes them, in a few lines and without the app's
/// classes: the reference that <see cref="PassRenewalProperties"/> holds the real <see cref="Pass"/> to.
/// </summary>
internal sealed class PassModel
{
    public PassModel(DateTime now, DateTime validFrom, DateTime validUntil, IEnumerable<OptionModel> options)
    {
        Now = now;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        Options = options.ToList();
    }

    public DateTime Now { get; private set; }

    public DateTime ValidFrom { get; private set; }

    public DateTime ValidUntil { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    /// <summary>Which of <see cref="Options"/> the pass is on; a pass is issued on the first.</summary>
    public int OptionIndex { get; private set; }

    public List<OptionModel> Options { get; }

    /// <summary>Each operation's outcome in order: <c>true</c> when it was done, <c>false</c> when refused.</summary>
    public List<bool> Outcomes { get; } = [];

    /// <summary>Cancelled is final; otherwise expired exactly from <c>validUntil</c> on (the end is exclusive).</summary>
    public PassLifecycleState State =>
        CancelledAt is not null ? PassLifecycleState.Cancelled
        : Now >= ValidUntil ? PassLifecycleState.Expired
        : PassLifecycleState.Active;

    public bool IsValidNow => CancelledAt is null && ValidFrom <= Now && Now < ValidUntil;

    public void Advance(long ticks) => Now = new DateTime(Now.Ticks + ticks, DateTimeKind.Utc);

    /// <summary>Moves the clock to the end of the pass plus <paramref name="ticks"/>, if that is not in the past.</summary>
    public void AdvanceToEnd(long ticks)
    {
        var target = ValidUntil.Ticks + ticks;
        if (target > Now.Ticks)
        {
            Now = new DateTime(target, DateTimeKind.Utc);
        }
    }

    /// <summary>A new pass on a published option, for its period unless an end after the start is given.</summary>
    public void Issue(int option, DateTime validFrom, DateTime? validUntil)
    {
        if (Options[option].State != LifecycleState.Published || validUntil <= validFrom)
        {
            Outcomes.Add(false);
            return;
        }

        ValidFrom = validFrom;
        ValidUntil = validUntil ?? CivilCalendar.Add(validFrom, Options[option].Unit, Options[option].Value);
        CancelledAt = null;
        OptionIndex = option;
        Outcomes.Add(true);
    }

    /// <summary>Renewal by a period: <paramref name="option"/>'s when given (it must be published), else the pass's own, from max(now, validUntil).</summary>
    public void RenewByPeriod(int? option)
    {
        if (CancelledAt is not null || (option is { } chosen && Options[chosen].State != LifecycleState.Published))
        {
            Outcomes.Add(false);
            return;
        }

        OptionIndex = option ?? OptionIndex;
        var from = Now > ValidUntil ? Now : ValidUntil;
        ValidUntil = CivilCalendar.Add(from, Options[OptionIndex].Unit, Options[OptionIndex].Value);
        Outcomes.Add(true);
    }

    /// <summary>Renewal to a given end, which must be later than the current one; a given option must be published and becomes the pass's.</summary>
    public void RenewTo(DateTime validUntil, int? option)
    {
        if (CancelledAt is not null || validUntil <= ValidUntil || (option is { } chosen && Options[chosen].State != LifecycleState.Published))
        {
            Outcomes.Add(false);
            return;
        }

        OptionIndex = option ?? OptionIndex;
        ValidUntil = validUntil;
        Outcomes.Add(true);
    }

    public void Revoke()
    {
        if (CancelledAt is not null)
        {
            Outcomes.Add(false);
            return;
        }

        CancelledAt = Now;
        Outcomes.Add(true);
    }

    /// <summary>Sets both dates (TMS's UpdateSubscription); the end must follow the start, and a revoked pass stays as it is.</summary>
    public void Reschedule(DateTime validFrom, DateTime validUntil)
    {
        if (CancelledAt is not null || validUntil <= validFrom)
        {
            Outcomes.Add(false);
            return;
        }

        ValidFrom = validFrom;
        ValidUntil = validUntil;
        Outcomes.Add(true);
    }

    public void ChangePeriod(int option, PeriodUnit unit, int value)
    {
        Options[option] = Options[option] with { Unit = unit, Value = value };
        Outcomes.Add(true);
    }

    /// <summary>draft -> published -> archived, archived -> published, never back to draft; a published type keeps a published option.</summary>
    public void ChangeLifecycle(int option, LifecycleState target)
    {
        var from = Options[option].State;
        var allowed = from == target
            || (target != LifecycleState.Draft
                && !(from == LifecycleState.Draft && target == LifecycleState.Archived)
                && !(from == LifecycleState.Published && Options.Count(o => o.State == LifecycleState.Published) == 1));
        if (allowed)
        {
            Options[option] = Options[option] with { State = target };
        }

        Outcomes.Add(allowed);
    }

    public override string ToString() =>
        $"now {Now:O}, {ValidFrom:O} to {ValidUntil:O}{(CancelledAt is { } c ? $", cancelled {c:O}" : "")}, option {OptionIndex} of [{string.Join(", ", Options)}], outcomes {string.Join("", Outcomes.Select(o => o ? '+' : '-'))}";
}
