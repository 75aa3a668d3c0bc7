using System.Text.Json.Nodes;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// Runs matrix cases and writes down every way an answer falls short, so that one test reports every failing
/// entry at once. A case is run by the sibling (with the owner's value and with an absent one) and, where the case
/// says so, by the owner.
/// </summary>
public sealed class IsolationRunner(TestApp app, IsolationClient client, IsolationApi api, Tenant owner, Tenant sibling, OwnerView ownerView)
{
    private const int Excerpt = 600;

    private readonly List<string> _failures = [];

    /// <summary>The sibling's normalized answers to reads, by case, name and value, to hold its later answers to.</summary>
    private readonly Dictionary<string, string> _reads = [];

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>How many cases ran, under each of their names.</summary>
    public int Runs { get; private set; }

    /// <summary>The sibling's calls: with the owner's value and with an absent one, under every name of the entry.</summary>
    public async Task SiblingAsync(IsolationCase c, IReadOnlyList<string> names)
    {
        if (c.Expectation == SiblingExpectation.RefusedInstallationWide && string.IsNullOrWhiteSpace(c.Why))
        {
            Fail(c.Name, "a case that lets the refusal tell a taken value apart must name the documented rule that makes the value installation-wide");
        }

        foreach (var name in names)
        {
            Runs++;
            var label = name == c.Entry ? c.Name : $"{c.Name} as {name}";
            var before = await StateAsync(c);
            var foreign = await CallAsync(c, name, sibling, c.Target ?? "");
            var between = await StateAsync(c);
            var foreignText = Judge(label, "with the owner's value", c, foreign, c.Target, before, between);
            Remember(c, label, c.Target, foreignText);
            if (c.Twin is not null)
            {
                var absent = await CallAsync(c, name, sibling, c.Twin);
                var after = await StateAsync(c);
                var absentText = Judge(label, "with an absent value", c, absent, c.Twin, between, after);
                Remember(c, label, c.Twin, absentText);
                if (c.Expectation != SiblingExpectation.RefusedInstallationWide && foreignText != absentText)
                {
                    Fail(label, $"the answer tells the owner's value from an absent one:\n      owner's: {Cut(foreignText)}\n      absent:  {Cut(absentText)}");
                }
            }

            if (c.Expectation == SiblingExpectation.Shared)
            {
                var owners = AnswerText.Normalize(await CallAsync(c, name, owner, c.Target ?? ""), c.Target);
                if (owners != foreignText)
                {
                    Fail(label, $"shared data reads differently for the owner:\n      owner:   {Cut(owners)}\n      sibling: {Cut(foreignText)}");
                }
            }
        }
    }

    /// <summary>
    /// The sibling's reads again, after the owner's data has changed: what a sibling sees must not depend on the
    /// owner's rows at all, not even through a count or a flag.
    /// </summary>
    public async Task RereadAsync(IsolationCase c, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            var label = name == c.Entry ? c.Name : $"{c.Name} as {name}";
            foreach (var (value, how) in new[] { (c.Target, "with the owner's value: "), (c.Twin, "with an absent value: ") }.Where(v => v.Item1 is not null).DefaultIfEmpty((null, "")))
            {
                if (_reads.TryGetValue(Key(label, value), out var first))
                {
                    var again = AnswerText.Normalize(await CallAsync(c, name, sibling, value ?? ""), value);
                    if (again != first)
                    {
                        Fail(label, $"{how}the sibling's answer changed when only the owner's data did:\n      before: {Cut(first)}\n      after:  {Cut(again)}");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The owner's own call, which must succeed (and, for a read, reach the owner's object) or, for a case about an
    /// object's state, be refused by that state's rule.
    /// </summary>
    public async Task OwnerAsync(IsolationCase c)
    {
        if (c.Owner == OwnerExpectation.None)
        {
            return;
        }

        Runs++;
        var answer = await CallAsync(c, c.Entry, owner, c.Target ?? "");
        if (c.Owner == OwnerExpectation.Refused)
        {
            if (!Refused(answer))
            {
                Fail(c.Name, $"the owner's own credential is not refused, so the object is not in the state the case is about: {Cut(answer.Body)}");
            }

            return;
        }

        var read = c.Expectation == SiblingExpectation.Read;
        if (!Succeeded(answer, read))
        {
            Fail(c.Name, $"the owner's own credential does not succeed, so the case proves nothing: {Cut(answer.Body)}");
            return;
        }

        if (!read)
        {
            return;
        }

        if (c.Twin is not null)
        {
            var absent = await CallAsync(c, c.Entry, owner, c.Twin);
            if (AnswerText.Normalize(answer, c.Target) == AnswerText.Normalize(absent, c.Twin))
            {
                Fail(c.Name, $"the owner's answer for its own value equals the one for an absent value, so the case does not reach the object: {Cut(answer.Body)}");
            }
        }
        else if (!answer.Body.Contains(owner.Word, StringComparison.OrdinalIgnoreCase))
        {
            Fail(c.Name, $"the owner's answer shows none of its own rows, so the case proves nothing: {Cut(answer.Body)}");
        }
    }

    /// <summary>Writes down a problem found outside a case, such as an entry the table does not cover.</summary>
    public void Fail(string entry, string problem) => _failures.Add($"{entry}: {problem}");

    /// <summary>Checks one sibling answer and the change around it; returns the answer normalized for comparison.</summary>
    private string Judge(string label, string how, IsolationCase c, CallAnswer answer, string? value, string before, string after)
    {
        var created = c.Expectation == SiblingExpectation.OwnCreation;
        var text = AnswerText.Normalize(answer, value, created);
        if (answer.HttpStatus != 200)
        {
            Fail(label, $"{how}: HTTP {answer.HttpStatus}: {Cut(answer.Body)}");
        }

        if (created && before != after)
        {
            Fail(label, $"{how}: making its own row, the sibling changed what the owner sees:\n      before: {Cut(before)}\n      after:  {Cut(after)}");
        }
        else if (!created && SnapshotDiff.Between(before, after) is { IsEmpty: false } diff)
        {
            Fail(label, $"{how}: the sibling's call changed the database: {diff.Describe()}");
        }

        switch (c.Expectation)
        {
            case SiblingExpectation.Refused or SiblingExpectation.RefusedInstallationWide when !Refused(answer):
                Fail(label, $"{how}: the sibling's change was not refused: {Cut(answer.Body)}");
                break;
            case SiblingExpectation.OwnCreation when !Succeeded(answer, read: false):
                Fail(label, $"{how}: the sibling could not make its own row with this value: {Cut(answer.Body)}");
                break;
        }

        foreach (var leak in Leaks(text))
        {
            Fail(label, $"{how}: the sibling's answer shows {leak}: {Cut(text)}");
        }

        return text;
    }

    private void Remember(IsolationCase c, string label, string? value, string answer)
    {
        if (c.Expectation is SiblingExpectation.Read or SiblingExpectation.Shared)
        {
            _reads[Key(label, value)] = answer;
        }
    }

    private static string Key(string label, string? value) => label + "\n" + value;

    /// <summary>
    /// The state a sibling's call must leave as it was: the whole database, or, when the sibling makes rows of its
    /// own, everything the owner sees.
    /// </summary>
    private Task<string> StateAsync(IsolationCase c) =>
        c.Expectation == SiblingExpectation.OwnCreation ? ownerView.TakeAsync() : DatabaseSnapshot.TakeAsync(app.Database);

    private IEnumerable<string> Leaks(string text)
    {
        if (text.Contains(owner.Word, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"the owner's word \"{owner.Word}\"";
        }

        foreach (var id in owner.GlobalIds.Where(id => AnswerText.ContainsToken(text, id)))
        {
            yield return $"the owner's id {id}";
        }

        if (text.Contains(owner.Key, StringComparison.Ordinal))
        {
            yield return "the owner's credential";
        }
    }

    private bool Refused(CallAnswer answer)
    {
        if (api == IsolationApi.Tms)
        {
            return answer.TmsStatus is { } status && status != 0;
        }

        var payload = answer.Payload;
        return !answer.HasTopLevelErrors
            && payload is not null
            && payload["errors"] is JsonArray { Count: > 0 }
            && payload.Where(p => p.Key != "errors").All(p => p.Value is null);
    }

    private bool Succeeded(CallAnswer answer, bool read)
    {
        if (answer.HttpStatus != 200)
        {
            return false;
        }

        if (api == IsolationApi.Tms)
        {
            return answer.TmsStatus == 0;
        }

        if (answer.HasTopLevelErrors || answer.Json?["data"] is not JsonObject data || data.Any(p => p.Value is null))
        {
            return false;
        }

        var payload = answer.Payload;
        return read || (payload?["errors"] is JsonArray { Count: 0 } && payload.Any(p => p.Key != "errors" && p.Value is not null));
    }

    private Task<CallAnswer> CallAsync(IsolationCase c, string name, Tenant caller, string value)
    {
        var request = c.Request(caller, value);
        return api == IsolationApi.GraphQL ? client.GraphQLAsync(request, caller.Key) : client.TmsAsync(TmsQuery.Renamed(request, name), caller.Key);
    }

    private static string Cut(string text) => text.Length <= Excerpt ? text : string.Concat(text.AsSpan(0, Excerpt), "…");
}
