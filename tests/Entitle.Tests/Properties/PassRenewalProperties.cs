using CsCheck;
using Entitle.Domain;
using Entitle.Domain.PassTypes;
using Xunit.Abstractions;

namespace Entitle.Tests.Properties;

/// <summary>
/// Random sequences of renewals (by the pass's own option, by another option, to a given end), revocations,
/// reschedules, option changes and the clock moving on, applied both to a real pass and to <see cref="PassModel"/>,
/// which must agree after every step: renewal counts from max(now, validUntil) and never shortens, revocation is
/// final, the state follows the clock with an exclusive end, and only published options renew.
/// </summary>
public sealed class PassRenewalProperties(ITestOutputHelper output)
{
    private const long Day = TimeSpan.TicksPerDay;

    private static readonly Gen<PeriodUnit> Unit = Gen.Enum<PeriodUnit>();

    /// <summary>Periods short enough that a long sequence of renewals stays far from the year 9999.</summary>
    private static readonly Gen<(PeriodUnit Unit, int Value)> Period =
        from unit in Unit
        from value in unit switch
        {
            PeriodUnit.Days => Gen.Int[1, 400],
            PeriodUnit.Weeks => Gen.Int[1, 60],
            PeriodUnit.Months => Gen.Int[1, 36],
            _ => Gen.Int[1, 5],
        }
        select (unit, value);

    /// <summary>A published type with one to three options (the first published, the others draft or published) and a pass on the first.</summary>
    private static readonly Gen<(PassSubject, PassModel)> Initial =
        from now in Gen.DateTime.Utc[new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc)]
        from periods in Period.Array[1, 3]
        from published in Gen.Bool.Array[3]
        from startOffset in Gen.Long[-400 * Day, 400 * Day]
        from givenEnd in Gen.Bool
        from givenLength in Gen.Long[1, 400 * Day]
        let options = periods.Select((p, i) => new OptionModel(p.Unit, p.Value, i == 0 || published[i] ? LifecycleState.Published : LifecycleState.Draft)).ToList()
        let validFrom = now.AddTicks(startOffset)
        let validUntil = givenEnd ? validFrom.AddTicks(givenLength) : (DateTime?)null
        select (
            new PassSubject(now, validFrom, validUntil, options),
            new PassModel(now, validFrom, validUntil ?? CivilCalendar.Add(validFrom, options[0].Unit, options[0].Value), options));

    private static readonly GenOperation<PassSubject, PassModel> Advance =
        Gen.Frequency<long>((2, Gen.Long[0, 1_500 * Day]), (1, Gen.Long[0, TimeSpan.TicksPerHour])).Operation<PassSubject, PassModel>(
            t => $"Advance({TimeSpan.FromTicks(t)})",
            (s, t) => s.Advance(t),
            (m, t) => m.Advance(t));

    private static readonly GenOperation<PassSubject, PassModel> AdvanceToEnd =
        Gen.Int[-1, 1].Operation<PassSubject, PassModel>(
            t => $"AdvanceToEnd({t} tick)",
            (s, t) => s.AdvanceToEnd(t),
            (m, t) => m.AdvanceToEnd(t));

    private static readonly GenOperation<PassSubject, PassModel> Issue =
        Gen.Select(Gen.Int[0, 2], Gen.Long[-400 * Day, 400 * Day], Gen.Bool, Gen.Long[-Day, 400 * Day]).Operation<PassSubject, PassModel>(
            t => $"Issue(option {t.Item1}, from now + {TimeSpan.FromTicks(t.Item2)}{(t.Item3 ? $", for {TimeSpan.FromTicks(t.Item4)}" : "")})",
            (s, t) => s.Issue(t.Item1 % s.Options.Count, s.Now.AddTicks(t.Item2), t.Item3 ? s.Now.AddTicks(t.Item2 + t.Item4) : null),
            (m, t) => m.Issue(t.Item1 % m.Options.Count, new DateTime(m.Now.Ticks + t.Item2, DateTimeKind.Utc), t.Item3 ? new DateTime(m.Now.Ticks + t.Item2 + t.Item4, DateTimeKind.Utc) : null));

    private static readonly GenOperation<PassSubject, PassModel> RenewByOwnPeriod =
        Gen.Operation<PassSubject, PassModel>("RenewByOwnPeriod", s => s.RenewByPeriod(null), m => m.RenewByPeriod(null));

    private static readonly GenOperation<PassSubject, PassModel> RenewWithOption =
        Gen.Int[0, 2].Operation<PassSubject, PassModel>(
            i => $"RenewWithOption({i})",
            (s, i) => s.RenewByPeriod(i % s.Options.Count),
            (m, i) => m.RenewByPeriod(i % m.Options.Count));

    private static readonly GenOperation<PassSubject, PassModel> RenewTo =
        Gen.Select(Gen.OneOf<long>(Gen.OneOf(-1L, 0L, 1L), Gen.Long[-30 * Day, 400 * Day]), Gen.Int[-1, 2]).Operation<PassSubject, PassModel>(
            t => $"RenewTo(validUntil + {TimeSpan.FromTicks(t.Item1)}{(t.Item2 >= 0 ? $", option {t.Item2}" : "")})",
            (s, t) => s.RenewTo(s.Pass.ValidUntil.AddTicks(t.Item1), t.Item2 >= 0 ? t.Item2 % s.Options.Count : null),
            (m, t) => m.RenewTo(new DateTime(m.ValidUntil.Ticks + t.Item1, DateTimeKind.Utc), t.Item2 >= 0 ? t.Item2 % m.Options.Count : null));

    private static readonly GenOperation<PassSubject, PassModel> Revoke =
        Gen.Operation<PassSubject, PassModel>("Revoke", s => s.Revoke(), m => m.Revoke());

    private static readonly GenOperation<PassSubject, PassModel> Reschedule =
        Gen.Select(Gen.Long[-400 * Day, 400 * Day], Gen.Long[-10 * Day, 400 * Day]).Operation<PassSubject, PassModel>(
            t => $"Reschedule(now + {TimeSpan.FromTicks(t.Item1)}, for {TimeSpan.FromTicks(t.Item2)})",
            (s, t) => s.Reschedule(s.Now.AddTicks(t.Item1), s.Now.AddTicks(t.Item1 + t.Item2)),
            (m, t) => m.Reschedule(new DateTime(m.Now.Ticks + t.Item1, DateTimeKind.Utc), new DateTime(m.Now.Ticks + t.Item1 + t.Item2, DateTimeKind.Utc)));

    private static readonly GenOperation<PassSubject, PassModel> ChangePeriod =
        Gen.Select(Gen.Int[0, 2], Period).Operation<PassSubject, PassModel>(
            t => $"ChangePeriod(option {t.Item1}, {t.Item2.Value} {t.Item2.Unit})",
            (s, t) => s.ChangePeriod(t.Item1 % s.Options.Count, t.Item2.Unit, t.Item2.Value),
            (m, t) => m.ChangePeriod(t.Item1 % m.Options.Count, t.Item2.Unit, t.Item2.Value));

    private static readonly GenOperation<PassSubject, PassModel> ChangeLifecycle =
        Gen.Select(Gen.Int[0, 2], Gen.Enum<LifecycleState>()).Operation<PassSubject, PassModel>(
            t => $"ChangeLifecycle(option {t.Item1}, {t.Item2})",
            (s, t) => s.ChangeLifecycle(t.Item1 % s.Options.Count, t.Item2),
            (m, t) => m.ChangeLifecycle(t.Item1 % m.Options.Count, t.Item2));

    [Fact]
    public void ARealPassFollowsTheModelThroughAnySequenceOfRenewalsRevocationsAndTime()
    {
        // Renewals and moves of the clock are listed twice so that they make up most of every sequence; a new pass
        // now and then keeps a revocation from ending the interesting part of a sequence.
        Initial.SampleModelBased(
            [Advance, Advance, AdvanceToEnd, AdvanceToEnd, Issue, Issue, RenewByOwnPeriod, RenewByOwnPeriod, RenewWithOption, RenewWithOption, RenewTo, RenewTo, Revoke, Reschedule, ChangePeriod, ChangeLifecycle],
            equal: (subject, model) => subject.Matches(model),
            iter: 3_000,
            printActual: s => s.ToString(),
            printModel: m => m.ToString(),
            classify: m => m.State.ToString(),
            writeLine: output.WriteLine);
    }
}
