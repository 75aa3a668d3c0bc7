using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using Entitle.Domain.Contacts;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Properties;

/// <summary>
/// The key-usage invariant against the real app and database: a freshly minted key with a random limit, then a random
/// schedule of redemptions (over TMS and GraphQL, learners repeating), redemptions followed by revocation, limit changes
/// and deletions, all sent at once. Whatever the interleaving: uses never exceed a limit that was in force, a learner
/// redeems a key at most once, uses, redemptions and created passes agree one for one with the successful answers,
/// and every other answer is a clean refusal that the final state justifies.
/// </summary>
public abstract class KeyRedemptionInterleavingProperties(DatabaseProvider provider) : TmsTests(provider)
{
    /// <summary>Schedules per provider: each is a mint, up to 14 racing requests and a look at the database.</summary>
    private const long Iterations = 20;

    private const int Learners = 6;

    private const string RedeemMutation =
        "mutation($input: TrainingPassRedeemKeyInput!) { trainingPass { redeemKey(input: $input) { trainingPass { legacyId } errors { label message value } } } }";

    private static readonly DateTime ContentExpiration = new(2023, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Gen<KeyStep> Step = Gen.Frequency<KeyStep>(
        (12, Gen.Select(Gen.Int[0, Learners - 1], Gen.Bool, (learner, overGraphQL) => new KeyStep(KeyStepKind.Redeem, learner, overGraphQL, 0))),
        (4, Gen.Int[0, Learners - 1].Select(learner => new KeyStep(KeyStepKind.RedeemThenRevoke, learner, false, 0))),
        (4, Gen.Int[1, 6].Select(limit => new KeyStep(KeyStepKind.SetLimit, 0, false, limit))),
        (1, Gen.Const(new KeyStep(KeyStepKind.Delete, 0, false, 0))));

    private static readonly Gen<KeySchedule> Schedule =
        from maxKeyUses in Gen.Int[1, 5]
        from endsAtContentExpiration in Gen.Bool
        from steps in Step.Array[2, 14]
        select new KeySchedule(maxKeyUses, endsAtContentExpiration, steps);

    private int _round;

    [Fact]
    public async Task AKeyIsNeverRedeemedBeyondItsLimitWhateverRacesForIt()
    {
        var learners = await AddLearnersAsync();

        // One schedule at a time: the requests inside a schedule are what race.
        await Schedule.SampleAsync(schedule => RunAsync(schedule, learners), iter: Iterations, threads: 1, print: s => s.ToString());
    }

    private async Task RunAsync(KeySchedule schedule, List<int> learners)
    {
        var text = $"RACE-{Interlocked.Increment(ref _round)}-{Guid.NewGuid():N}";
        var content = schedule.EndsPassesAtContentExpiration ? $"&contentExpirationDate={Epoch(2023, 9, 1)}" : "";
        var terms = $"subscriptionProfileId={Gold}&expirationDate={In2030}{content}";
        var keyId = Assert.Single(await MintAsync($"trainingKeys={text}&{terms}&maxKeyUses={schedule.MaxKeyUses}")).Id;
        var passesBefore = await CountPassesAsync();

        var sent = schedule.Steps.Select(step => Task.Run(() => step.Kind switch
        {
            KeyStepKind.Redeem when step.OverGraphQL => RedeemOverGraphQLAsync(step, $"  {text.ToLowerInvariant()} ", learners[step.Learner]),
            KeyStepKind.Redeem => SendAsync(step, $"RedeemSubscriptionTrainingKey?trainingKey={text}&userId={learners[step.Learner]}"),
            KeyStepKind.RedeemThenRevoke => RedeemThenRevokeAsync(step, text, learners[step.Learner]),
            KeyStepKind.SetLimit => SendAsync(step, $"UpdateSubscriptionTrainingKey?Id={keyId}&trainingKey={text}&{terms}&maxKeyUses={step.Limit}"),
            _ => SendAsync(step, $"DeleteSubscriptionTrainingKey?id={keyId}"),
        }));
        var answers = await Task.WhenAll(sent);

        await using var db = App.Database.CreateContext();
        var key = await db.TrainingKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId);
        var redemptions = await db.KeyRedemptions.AsNoTracking().Where(r => r.KeyId == keyId).ToListAsync();
        var passIds = redemptions.Select(r => r.PassId).ToList();
        var passes = await db.Passes.AsNoTracking().Where(p => passIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var redeemed = answers.Where(a => a.Done && a.Step.Kind is KeyStepKind.Redeem or KeyStepKind.RedeemThenRevoke).ToList();
        var deleted = answers.Any(a => a.Done && a.Step.Kind == KeyStepKind.Delete);
        var limits = answers.Where(a => a.Done && a.Step.Kind == KeyStepKind.SetLimit).Select(a => a.Step.Limit).Append(schedule.MaxKeyUses).ToList();
        var tried = schedule.Steps.Where(s => s.Kind is KeyStepKind.Redeem or KeyStepKind.RedeemThenRevoke).Select(s => s.Learner).Distinct().Count();
        var story = $"{string.Join("; ", answers.Select(a => a.ToString()))}; key {(key is null ? "deleted" : $"uses {key.Uses} of {key.MaxKeyUses}")}";

        // The invariant: never beyond a limit in force, once per learner, and a deleted key was never redeemed.
        Assert.True(redeemed.Count <= limits.Max(), $"{redeemed.Count} redemptions, limits {string.Join(",", limits)}: {story}");
        Assert.True(redeemed.GroupBy(a => a.Step.Learner).All(g => g.Count() == 1), $"a learner redeemed twice: {story}");
        Assert.True(redemptions.GroupBy(r => r.ContactId).All(g => g.Count() == 1), $"a learner has two redemptions: {story}");
        if (deleted)
        {
            Assert.True(key is null && redeemed.Count == 0 && redemptions.Count == 0, $"a key was deleted after it was redeemed: {story}");
        }
        else
        {
            Assert.NotNull(key);
            Assert.True(key.Uses == redemptions.Count && key.Uses <= key.MaxKeyUses && limits.Contains(key.MaxKeyUses), story);

            // Nothing but the limit stops learners: at least as many as the lowest limit in force got through.
            Assert.True(redeemed.Count >= Math.Min(tried, limits.Min()), $"{redeemed.Count} of {tried} learners redeemed, limits {string.Join(",", limits)}: {story}");
        }

        // Every successful answer is exactly one pass, for that learner, recorded as that redemption.
        Assert.Equal(redeemed.Select(a => a.PassId!.Value).Order(), passIds.Order());
        Assert.Equal(redeemed.Count, passes.Count);
        Assert.Equal(passesBefore + redeemed.Count, await CountPassesAsync());
        foreach (var answer in redeemed)
        {
            var pass = passes[answer.PassId!.Value];
            Assert.Equal(learners[answer.Step.Learner], pass.ContactId);
            Assert.Equal(pass.ContactId, redemptions.Single(r => r.PassId == pass.Id).ContactId);
            Assert.Equal(Gold, pass.PassTypeId);
            Assert.Equal(TestApp.DefaultNow.UtcDateTime, pass.ValidFrom);
            Assert.Equal(schedule.EndsPassesAtContentExpiration ? ContentExpiration : CivilCalendar.Add(TestApp.DefaultNow.UtcDateTime, PeriodUnit.Years, 1), pass.ValidUntil);
            Assert.Equal(answer.Step.Kind == KeyStepKind.RedeemThenRevoke, pass.CancelledAt is not null);
        }

        // Every refusal is one the final state justifies.
        foreach (var answer in answers.Where(a => !a.Done))
        {
            var justified = answer.Step.Kind switch
            {
                _ when answer.KeyUnknown => deleted,
                KeyStepKind.Redeem or KeyStepKind.RedeemThenRevoke =>
                    (answer.RefusedWith("already redeemed") && redeemed.Any(a => a.Step.Learner == answer.Step.Learner))
                    || (answer.RefusedWith("maximum number of times") && redeemed.Count >= limits.Min()),
                KeyStepKind.SetLimit => answer.RefusedWith("cannot be lower") && answer.Step.Limit < redeemed.Count,
                _ => answer.RefusedWith("has been redeemed") && redeemed.Count > 0,
            };
            Assert.True(justified, $"unjustified refusal {answer}: {story}");
        }
    }

    private async Task<KeyAnswer> RedeemThenRevokeAsync(KeyStep step, string text, int learner)
    {
        var redeemed = await SendAsync(step, $"RedeemSubscriptionTrainingKey?trainingKey={text}&userId={learner}");
        if (redeemed.Done)
        {
            var revoked = await SendAsync(step, $"DeleteSubscription?id={redeemed.PassId}");
            Assert.True(revoked.Done, $"revoking the pass a key gave: {revoked.Raw}");
        }

        return redeemed;
    }

    /// <summary>Sends a TMS request and checks the answer is well formed: HTTP 200, Status 0 without Error, or 10 or 20 with one.</summary>
    private async Task<KeyAnswer> SendAsync(KeyStep step, string methodAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/2.0/" + methodAndQuery);
        request.Headers.Add("api_key", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: HTTP {(int)response.StatusCode} {raw}");

        var answer = JsonNode.Parse(raw)!;
        var status = (answer["Status"] ?? answer["status"])!.GetValue<int>();
        var error = (answer["Error"] ?? answer["error"])?.GetValue<string>();
        Assert.True(status is 0 or 10 or 20, $"{step}: {raw}");
        Assert.True(status == 0 ? error is null : !string.IsNullOrWhiteSpace(error), $"{step}: {raw}");
        return new KeyAnswer(step, status == 0, answer["ClubMembershipId"]?.GetValue<int>(), error, status == 20, raw);
    }

    /// <summary>Redeems over GraphQL and checks the answer is well formed: a pass and no errors, or one trainingKey error and no pass.</summary>
    private async Task<KeyAnswer> RedeemOverGraphQLAsync(KeyStep step, string text, int learner)
    {
        using var response = await App.PostGraphQLAsync(RedeemMutation, new { input = new { trainingKey = text, contactId = Ids.Person(learner) } });
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: HTTP {(int)response.StatusCode} {raw}");

        var result = JsonNode.Parse(raw)!;
        Assert.True(result["errors"] is null, $"{step}: {raw}");
        var payload = result["data"]!["trainingPass"]!["redeemKey"]!;
        var errors = payload["errors"]!.AsArray();
        if (errors.Count == 0)
        {
            return new KeyAnswer(step, true, payload["trainingPass"]!["legacyId"]!.GetValue<int>(), null, false, raw);
        }

        var message = errors[0]!["message"]!.GetValue<string>();
        Assert.True(errors.Count == 1 && payload["trainingPass"] is null && !string.IsNullOrWhiteSpace(message), $"{step}: {raw}");
        Assert.True(errors[0]!["label"]!.GetValue<string>() == "trainingKey", $"{step}: {raw}");
        return new KeyAnswer(step, false, null, message, message.StartsWith("No training key", StringComparison.Ordinal), raw);
    }

    private async Task<List<int>> AddLearnersAsync()
    {
        await using var db = App.Database.CreateContext();
        var contacts = Enumerable.Range(0, Learners).Select(i => Contact.Create(2, "Race", $"Learner {i}", null, TestApp.DefaultNow.UtcDateTime)).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        return contacts.Select(c => c.Id).ToList();
    }

    private async Task<int> CountPassesAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.Passes.CountAsync();
    }

    public sealed class OnSqlite() : KeyRedemptionInterleavingProperties(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : KeyRedemptionInterleavingProperties(DatabaseProvider.Postgres);
}
