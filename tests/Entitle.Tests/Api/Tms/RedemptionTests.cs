using System.Text.Json.Nodes;
using Entitle.Domain.Contacts;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Api.Tms;

/// <summary>Redeeming keys: once per learner, never beyond maxKeyUses (also under concurrency), and a pass both APIs see.</summary>
public abstract class RedemptionTests(DatabaseProvider provider) : TmsTests(provider)
{
    [Fact]
    public async Task ASingleUseKeyIsRedeemedOnce()
    {
        var key = Assert.Single(await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}")).Key;

        var redeemed = await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey={key.ToLowerInvariant()}&userId=31");

        Assert.Equal(["Status", "Error", "ClubMembershipId"], redeemed.AsObject().Select(p => p.Key));
        await FailsAsync($"RedeemSubscriptionTrainingKey?trainingKey={key}&userId=32", 10, "used the maximum number of times (1)");
        Assert.Equal(1, (await OkAsync($"SearchSubscriptionTrainingKeys?trainingKey={key}"))["Results"]![0]!["Uses"]!.GetValue<int>());
    }

    /// <summary>
    /// After the key, the learner and the key's pass type come in one statement: on PostgreSQL one round trip fewer
    /// inside the transaction, on SQLite one statement fewer while the write turn is held (docs/benchmarks.md, W4).
    /// </summary>
    [Fact]
    public async Task TheLearnerAndTheKeysTypeAreReadInOneStatement()
    {
        var key = Assert.Single(await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}")).Key;
        App.Statements.Reset();

        var redeemed = await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey={key}&userId=31");

        var typeReads = App.Statements.Reading("pass_types");
        var contactReads = App.Statements.Reading("contacts");
        Assert.Single(typeReads);
        Assert.Single(contactReads);
        Assert.Equal(typeReads[0], contactReads[0]);
        var pass = (await OkAsync($"SearchSubscriptions?clubId={Gold}&userId=31"))["Results"]!.AsArray().Single(r => r!["Id"]!.GetValue<int>() == redeemed["ClubMembershipId"]!.GetValue<int>())!;
        Assert.Equal(31, pass["UserId"]!.GetValue<int>());
    }

    [Fact]
    public async Task AKeyWithThreeUsesServesThreeLearnersAndRefusesTheFourthAndRepeats()
    {
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=3&trainingKeys=TEAM-KEY");

        await OkAsync("RedeemSubscriptionTrainingKey?trainingKey=team-key&userId=31");
        await FailsAsync("RedeemSubscriptionTrainingKey?trainingKey=TEAM-KEY&userId=31", 10, "already redeemed");
        await OkAsync("RedeemSubscriptionTrainingKey?trainingKey=%20Team-Key%20&userId=32");
        await OkAsync("RedeemSubscriptionTrainingKey?trainingKey=TEAM-KEY&userId=33");
        await FailsAsync("RedeemSubscriptionTrainingKey?trainingKey=TEAM-KEY&userId=34", 10, "maximum number of times (3)");

        var subscriptions = await OkAsync($"SearchSubscriptions?clubId={Gold}&sort=UserId");
        Assert.Equal([31, 31, 32, 33], subscriptions["Results"]!.AsArray().Select(r => r!["UserId"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ExpiredUnknownAndForeignKeysAreRefused()
    {
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={TestApp.DefaultNow.AddDays(1).ToUnixTimeSeconds()}&trainingKeys=SOON&maxKeyUses=5");
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=ACME-ONLY&organizationId=2");
        await OkAsync("RedeemSubscriptionTrainingKey?trainingKey=SOON&userId=31");

        App.Clock.Advance(TimeSpan.FromDays(1));

        await FailsAsync("RedeemSubscriptionTrainingKey?trainingKey=SOON&userId=32", 10, "expired");
        await FailsAsync("RedeemSubscriptionTrainingKey?trainingKey=NO-SUCH-KEY&userId=32", 20, "trainingKey");
        await FailsAsync("RedeemSubscriptionTrainingKey?trainingKey=ACME-ONLY&userId=36", 10, "outside the organization the key belongs to");
        await FailsAsync("RedeemSubscriptionTrainingKey?trainingKey=ACME-ONLY&userId=999", 20, "userId");
        await FailsAsync("RedeemSubscriptionTrainingKey?userId=31", 10, "trainingKey is required");
        await OkAsync("RedeemSubscriptionTrainingKey?trainingKey=ACME-ONLY&userId=35");
    }

    [Fact]
    public async Task AKeyIsRedeemedUntilTheLastMomentBeforeItExpires()
    {
        // The use is taken by one conditional statement that compares the stored expiration with the clock's instant
        // inside the database: a millisecond before the key expires, the comparison must still let it through.
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={TestApp.DefaultNow.AddDays(1).ToUnixTimeSeconds()}&trainingKeys=LAST-MOMENT&maxKeyUses=2");
        App.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMilliseconds(1));

        await OkAsync("RedeemSubscriptionTrainingKey?trainingKey=LAST-MOMENT&userId=31");
        App.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await FailsAsync("RedeemSubscriptionTrainingKey?trainingKey=LAST-MOMENT&userId=32", 10, "expired");

        Assert.Equal(1, (await OkAsync("SearchSubscriptionTrainingKeys?trainingKey=LAST-MOMENT"))["Results"]![0]!["Uses"]!.GetValue<int>());
    }

    [Fact]
    public async Task APassFollowsTheDefaultOptionOrTheContentExpiration()
    {
        // Gold's first published option is Yearly; a newer published Monthly option does not change the default.
        var monthly = (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", name: \"Monthly\", validityPeriod: {{unit: months, value: 1}}}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}")).Text("trainingPassTypeOption.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{monthly}\", lifecycleState: published}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}");
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=YEAR,SUMMER&maxKeyUses=2");
        await OkAsync($"UpdateSubscriptionTrainingKey?Id=2&trainingKey=SUMMER&subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=2&contentExpirationDate={Epoch(2023, 9, 1)}");

        var year = (await App.GraphQLAsync($"mutation {{ trainingPass {{ redeemKey(input: {{trainingKey: \"year\", contactId: \"{Ids.Person(36)}\"}}) {{ trainingPass {{ validFrom validUntil option {{ name }} contact {{ legacyId }} }} errors {{ label message }} }} }} }}")).At("data.trainingPass.redeemKey.trainingPass");
        var summer = (await App.GraphQLAsync($"mutation {{ trainingPass {{ redeemKey(input: {{trainingKey: \"SUMMER\", contactId: \"{Ids.Person(36)}\"}}) {{ trainingPass {{ validFrom validUntil }} errors {{ label message }} }} }} }}")).At("data.trainingPass.redeemKey.trainingPass");

        Assert.Equal("2023-04-03T09:30:00Z", year.Text("validFrom"));
        Assert.Equal("2024-04-03T09:30:00Z", year.Text("validUntil"));
        Assert.Equal("Yearly", year.Text("option.name"));
        Assert.Equal("2023-09-01T00:00:00Z", summer.Text("validUntil"));

        var refused = await App.GraphQLAsync($"mutation {{ trainingPass {{ redeemKey(input: {{trainingKey: \"year\", contactId: \"{Ids.Person(36)}\"}}) {{ trainingPass {{ id }} errors {{ label message value }} }} }} }}");
        Assert.Equal("trainingKey", refused.Text("data.trainingPass.redeemKey.errors.0.label"));
        Assert.Equal("year", refused.Text("data.trainingPass.redeemKey.errors.0.value"));
    }

    [Fact]
    public async Task FiftyConcurrentRedemptionsOfATenUseKeyYieldExactlyTenPasses()
    {
        var learners = await AddLearnersAsync(50);
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=10&trainingKeys=RUSH");
        var passesBefore = await CountPassesAsync();

        var answers = await Task.WhenAll(learners.Select(async learner =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/2.0/RedeemSubscriptionTrainingKey?trainingKey=RUSH&userId={learner}");
            request.Headers.Add("api_key", TestApp.RootKey);
            using var response = await App.Http.SendAsync(request);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }));

        Assert.Equal(10, answers.Count(a => a["Status"]!.GetValue<int>() == 0));
        Assert.All(answers.Where(a => a["Status"]!.GetValue<int>() != 0), a =>
        {
            Assert.Equal(10, a["Status"]!.GetValue<int>());
            Assert.Contains("maximum number of times", a["Error"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Equal(passesBefore + 10, await CountPassesAsync());
        await using var db = App.Database.CreateContext();
        Assert.Equal(10, await db.TrainingKeys.Where(k => k.Key == "RUSH").Select(k => k.Uses).SingleAsync());
        Assert.Equal(10, await db.KeyRedemptions.CountAsync());
    }

    [Fact]
    public async Task AKeyMintedOverRestForAGraphQLTypeYieldsAPassBothApisShow()
    {
        var type = (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"WEB\", name: \"Web pass\"}) { trainingPassType { id legacyId } errors { label } } } }")).At("trainingPassType");
        var option = (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{type.Text("id")}\", name: \"Quarterly\", validityPeriod: {{unit: months, value: 3}}}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}")).Text("trainingPassTypeOption.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{option}\", lifecycleState: published}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}");
        await SucceedsAsync($"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{type.Text("id")}\", lifecycleState: published}}) {{ trainingPassType {{ id }} errors {{ label }} }} }} }}");
        var profileId = type.At("legacyId").GetValue<int>();

        var key = Assert.Single(await MintAsync($"subscriptionProfileId={profileId}&expirationDate={In2030}")).Key;
        var membership = (await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey={key}&userId=38"))["ClubMembershipId"]!.GetValue<int>();

        var overRest = (await OkAsync($"GetSubscription?id={membership}"))["Results"]![0]!;
        Assert.Equal(profileId, overRest["ClubId"]!.GetValue<int>());
        Assert.Equal(38, overRest["UserId"]!.GetValue<int>());
        Assert.Equal(TestApp.DefaultNow.AddMonths(3).ToUnixTimeSeconds(), overRest["Expires"]!.GetValue<long>());
        var overGraphQL = await App.GraphQLAsync($$"""{ trainingPasses(filters: [{field: trainingPassTypeId, operation: eq, value: "{{type.Text("id")}}"}]) { edges { node { legacyId contact { legacyId } validUntil option { name } } } } }""");
        var pass = overGraphQL.At("data.trainingPasses.edges.0.node");
        Assert.Equal(membership, pass.At("legacyId").GetValue<int>());
        Assert.Equal(38, pass.At("contact.legacyId").GetValue<int>());
        Assert.Equal("2023-07-03T09:30:00Z", pass.Text("validUntil"));
        Assert.Equal("Quarterly", pass.Text("option.name"));
    }

    private async Task<List<int>> AddLearnersAsync(int count)
    {
        await using var db = App.Database.CreateContext();
        var contacts = Enumerable.Range(0, count).Select(i => Contact.Create(2, "Rush", $"Learner {i}", null, TestApp.DefaultNow.UtcDateTime)).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync();
        return contacts.Select(c => c.Id).ToList();
    }

    private async Task<int> CountPassesAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.Passes.CountAsync();
    }

    public sealed class OnSqlite() : RedemptionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RedemptionTests(DatabaseProvider.Postgres);
}
