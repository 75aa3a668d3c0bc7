using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Api.Idempotency;

/// <summary>A retried request with the same Idempotency-Key gets the first answer; the work is done once.</summary>
public abstract class IdempotencyKeyTests(DatabaseProvider provider) : TmsTests(provider)
{
    private static readonly string Issue = $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}";

    [Fact]
    public async Task ARetriedMutationIssuesOnePassAndReplaysTheFirstAnswer()
    {
        using var first = await PostAsync(Issue, "retry-1");
        using var second = await PostAsync(Issue, "retry-1");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await PassesOfAsync(32));

        using var other = await PostAsync(Issue, "retry-2");
        Assert.Equal(2, await PassesOfAsync(32));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherRequestIsRefused()
    {
        using var first = await PostAsync(Issue, "same-key");
        using var different = await PostAsync(Issue.Replace(Ids.Person(32), Ids.Person(33), StringComparison.Ordinal), "same-key");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Contains("already used with a different request", JsonNode.Parse(await different.Content.ReadAsStringAsync())!.Text("errors.0.message"), StringComparison.Ordinal);
        Assert.Equal(0, await PassesOfAsync(33));

        var tms = await TmsWithKeyAsync("RedeemSubscriptionTrainingKey?trainingKey=X&userId=31", "same-key");
        Assert.Equal(10, tms["Status"]!.GetValue<int>());
        using var bad = await PostAsync(Issue, new string('k', 300));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task KeysAreKeptForADayAndPerOrganization()
    {
        using var first = await PostAsync(Issue, "daily");
        var (_, teamKey) = await App.CreateAccountAsync("Team");
        var learner = (await SucceedsAsync("mutation { contact { create(input: {personalName: {firstName: \"T\", lastName: \"Eam\"}}) { contact { legacyId } errors { label } } } }", teamKey)).At("contact.legacyId").GetValue<int>();
        using var otherOrganization = await PostAsync(Issue.Replace(Ids.Person(32), Ids.Person(learner), StringComparison.Ordinal), "daily", teamKey);
        Assert.False(otherOrganization.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await PassesOfAsync(learner));

        App.Clock.Advance(TimeSpan.FromHours(23));
        using var sameDay = await PostAsync(Issue, "daily");
        Assert.True(sameDay.Headers.Contains("Idempotent-Replayed"));
        App.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromSeconds(1)));
        using var nextDay = await PostAsync(Issue, "daily");

        Assert.False(nextDay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await PassesOfAsync(32));
    }

    [Fact]
    public async Task TmsCreateAndRedeemCallsAreIdempotentToo()
    {
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=ONCE&maxKeyUses=5");

        var first = await TmsWithKeyAsync("RedeemSubscriptionTrainingKey?trainingKey=ONCE&userId=34", "redeem-34");
        var again = await TmsWithKeyAsync("redeemsubscriptiontrainingkey?USERID=34&trainingKey=ONCE", "redeem-34");
        var mint = await TmsWithKeyAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=3", "mint-1");
        var mintAgain = await TmsWithKeyAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=3", "mint-1");

        Assert.Equal(0, first["Status"]!.GetValue<int>());
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal(mint.ToJsonString(), mintAgain.ToJsonString());
        await using var db = App.Database.CreateContext();
        Assert.Equal(4, await db.TrainingKeys.CountAsync());
        Assert.Equal(1, await db.KeyRedemptions.CountAsync());
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKeyDoTheWorkOnce()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await PostAsync(Issue, "burst");
            return await response.Content.ReadAsStringAsync();
        }));

        Assert.Single(answers.Distinct());
        Assert.Equal(1, await PassesOfAsync(32));
    }

    private async Task<HttpResponseMessage> PostAsync(string query, string key, string credential = TestApp.RootKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new("Bearer", credential);
        request.Headers.Add("Idempotency-Key", key);
        return await App.Http.SendAsync(request);
    }

    private async Task<JsonNode> TmsWithKeyAsync(string methodAndQuery, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + methodAndQuery);
        request.Headers.Add("api_key", TestApp.RootKey);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await App.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<int> PassesOfAsync(int contact)
    {
        await using var db = App.Database.CreateContext();
        return await db.Passes.CountAsync(p => p.ContactId == contact);
    }

    public sealed class OnSqlite() : IdempotencyKeyTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : IdempotencyKeyTests(DatabaseProvider.Postgres);
}
