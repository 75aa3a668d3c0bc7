using System.Net;
using System.Text.RegularExpressions;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Tests.Api.Tms;

/// <summary>CreateSubscriptionTrainingKeys exactly as seed 004 documents it, and the other key methods.</summary>
public abstract partial class TrainingKeyMethodTests(DatabaseProvider provider) : TmsTests(provider)
{
    [Fact]
    public async Task TheSeedsCallMintsOneSingleUseKeyForTheCallersOrganization()
    {
        var answer = await OkAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}");

        Assert.Equal(["Status", "Error", "CreateSubscriptionsResults"], answer.AsObject().Select(p => p.Key));
        var result = Assert.Single(answer["CreateSubscriptionsResults"]!.AsArray())!;
        Assert.Equal(["Id", "trainingKey"], result.AsObject().Select(p => p.Key));
        Assert.Matches(GeneratedKey(), result["trainingKey"]!.GetValue<string>());

        var stored = (await OkAsync($"SearchSubscriptionTrainingKeys?trainingKey={result["trainingKey"]}"))["Results"]!.AsArray().Single()!;
        Assert.Equal(result["Id"]!.GetValue<int>(), stored["Id"]!.GetValue<int>());
        Assert.Equal(1, stored["OrganizationId"]!.GetValue<int>());
        Assert.Equal(1, stored["MaxKeyUses"]!.GetValue<int>());
        Assert.Equal(0, stored["Uses"]!.GetValue<int>());
        Assert.Equal(In2030, stored["ExpirationDate"]!.GetValue<long>());
        Assert.Null(stored["ContentExpirationDate"]);
        Assert.Equal("Gold pass", stored["SubscriptionProfileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task NumberOfKeysMintsThatManyDistinctKeys()
    {
        var keys = await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=25");

        Assert.Equal(25, keys.Count);
        Assert.Equal(25, keys.Select(k => k.Key).Distinct().Count());
        Assert.Equal(25, keys.Select(k => k.Id).Distinct().Count());
        Assert.All(keys, k => Assert.Matches(GeneratedKey(), k.Key));
    }

    [Fact]
    public async Task CallerChosenKeysOverrideNumberOfKeysAndKeepTheirSpelling()
    {
        var keys = await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=alpha-1,%20BETA_2%20,gamma3&numberOfKeys=10");

        Assert.Equal(["alpha-1", "BETA_2", "gamma3"], keys.Select(k => k.Key));
    }

    [Fact]
    public async Task OrganizationAndMaxKeyUsesAreKept()
    {
        var key = Assert.Single(await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&organizationId=2&maxKeyUses=5&contentExpirationDate={Epoch(2024, 1, 1)}"));

        var stored = (await OkAsync($"SearchSubscriptionTrainingKeys?organizationId=2"))["Results"]!.AsArray().Single()!;
        Assert.Equal(key.Id, stored["Id"]!.GetValue<int>());
        Assert.Equal(2, stored["OrganizationId"]!.GetValue<int>());
        Assert.Equal(5, stored["MaxKeyUses"]!.GetValue<int>());
        Assert.Equal(Epoch(2024, 1, 1), stored["ContentExpirationDate"]!.GetValue<long>());
    }

    [Fact]
    public async Task ContentExpirationDateShapesTheRedeemedPass()
    {
        var shaped = Assert.Single(await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&contentExpirationDate={Epoch(2023, 9, 1)}"));
        var plain = Assert.Single(await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}"));

        var shapedPass = (await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey={shaped.Key}&userId=32"))["ClubMembershipId"]!.GetValue<int>();
        var plainPass = (await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey={plain.Key}&userId=33"))["ClubMembershipId"]!.GetValue<int>();

        var now = TestApp.DefaultNow.ToUnixTimeSeconds();
        var a = (await OkAsync($"GetSubscription?id={shapedPass}"))["Results"]![0]!;
        var b = (await OkAsync($"GetSubscription?id={plainPass}"))["Results"]![0]!;
        Assert.Equal(now, a["Starts"]!.GetValue<long>());
        Assert.Equal(Epoch(2023, 9, 1), a["Expires"]!.GetValue<long>());
        Assert.Equal(now, b["Starts"]!.GetValue<long>());
        Assert.Equal(TestApp.DefaultNow.AddYears(1).ToUnixTimeSeconds(), b["Expires"]!.GetValue<long>());
    }

    [Fact]
    public async Task RefusalsNameTheParameterAndCreateNothing()
    {
        var draft = (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"DRAFT\", name: \"Draft\"}) { trainingPassType { legacyId } errors { label } } } }")).At("trainingPassType.legacyId").GetValue<int>();
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=TAKEN1");
        var acmeChildKey = await ChildKeyAsync();

        await FailsAsync($"CreateSubscriptionTrainingKeys?expirationDate={In2030}", 10, "subscriptionProfileId is required");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}", 10, "expirationDate is required");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId=999&expirationDate={In2030}", 10, "subscriptionProfileId");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={draft}&expirationDate={In2030}", 10, "subscriptionProfileId: Keys can be created only for an enabled");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=AAA,bbb,aaa", 10, "aaa appears more than once");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=NEW1,taken1", 10, "TAKEN1 already exists");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=bad%20key", 10, "trainingKeys");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=,,", 10, "trainingKeys");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=100001", 10, "numberOfKeys must be between 1 and 100000");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=0", 10, "numberOfKeys");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate=tomorrow", 10, "expirationDate must be a Unix time");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate=-5", 10, "expirationDate must be a Unix time");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate=99999999999999", 10, "expirationDate must be a Unix time");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate=1.5e9", 10, "expirationDate");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate=1600000000", 10, "expirationDate must be in the future");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&contentExpirationDate=1600000000", 10, "contentExpirationDate");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=0", 10, "maxKeyUses");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=two", 10, "maxKeyUses must be a whole number");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId=99999999999&expirationDate={In2030}", 10, "subscriptionProfileId must be a whole number");
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&organizationId=3", 10, "organizationId", acmeChildKey);
        await FailsAsync($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&subscriptionProfileId={Gold}&expirationDate={In2030}", 10, "more than once");
    }

    [Fact]
    public async Task AHundredThousandKeysAreMintedInOneCallAllOrNothing()
    {
        var keys = await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=100000");

        Assert.Equal(100_000, keys.Count);
        Assert.Equal(100_000, keys.Select(k => k.Key).Distinct().Count());
        await using (var db = App.Database.CreateContext())
        {
            Assert.Equal(100_000, await db.TrainingKeys.CountAsync());
            Assert.Equal(keys.Select(k => k.Id).Order(), (await db.TrainingKeys.Select(k => k.Id).ToListAsync()).Order());
        }

        // The caller's own 100,000 keys, the last of which is taken: nothing of the batch is kept.
        var chosen = Enumerable.Range(0, 99_999).Select(i => $"BATCH{i:D6}").Append(keys[^1].Key.ToLowerInvariant()).ToList();
        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subscriptionProfileId"] = Gold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["expirationDate"] = In2030.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["trainingKeys"] = string.Join(",", chosen),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/2.0/CreateSubscriptionTrainingKeys") { Content = form };
        request.Headers.Add("api_key", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, answer["Status"]!.GetValue<int>());
        Assert.Contains("already exists", answer["Error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));
    }

    [Fact]
    public async Task UpdateOverwritesAKeyAndOmittedValuesReturnToDefaults()
    {
        var key = Assert.Single(await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=4&contentExpirationDate={Epoch(2024, 1, 1)}"));

        var answer = await OkAsync($"UpdateSubscriptionTrainingKey?Id={key.Id}&trainingKey=renamed-key&subscriptionProfileId={Gold}&expirationDate={Epoch(2031, 1, 1)}");

        Assert.Equal(["Status", "Error"], answer.AsObject().Select(p => p.Key));
        var stored = (await OkAsync("SearchSubscriptionTrainingKeys?trainingKey=RENAMED-KEY"))["Results"]![0]!;
        Assert.Equal("renamed-key", stored["TrainingKey"]!.GetValue<string>());
        Assert.Equal(1, stored["MaxKeyUses"]!.GetValue<int>());
        Assert.Null(stored["ContentExpirationDate"]);
        Assert.Equal(Epoch(2031, 1, 1), stored["ExpirationDate"]!.GetValue<long>());

        await OkAsync($"UpdateSubscriptionTrainingKey/{key.Id}?trainingKey=renamed-key&subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=2");
        await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey=renamed-key&userId=31");
        await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey=renamed-key&userId=32");

        await FailsAsync($"UpdateSubscriptionTrainingKey?Id={key.Id}&trainingKey=other&subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=2", 10, "keeps its text");
        await FailsAsync($"UpdateSubscriptionTrainingKey?Id={key.Id}&trainingKey=renamed-key&subscriptionProfileId={Gold}&expirationDate={In2030}&maxKeyUses=1", 10, "maxKeyUses");
        await FailsAsync($"UpdateSubscriptionTrainingKey?Id=999&trainingKey=x&subscriptionProfileId={Gold}&expirationDate={In2030}", 20, "Id");
        await FailsAsync($"UpdateSubscriptionTrainingKey?Id={key.Id}&subscriptionProfileId={Gold}&expirationDate={In2030}", 10, "trainingKey is required");
    }

    [Fact]
    public async Task OnlyAnUnredeemedKeyCanBeDeleted()
    {
        var keys = await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=2");
        await OkAsync($"RedeemSubscriptionTrainingKey?trainingKey={keys[1].Key}&userId=31");

        await OkAsync($"DeleteSubscriptionTrainingKey/{keys[0].Id}");

        Assert.Equal(1, (await OkAsync("SearchSubscriptionTrainingKeys"))["TotalCount"]!.GetValue<int>());
        await FailsAsync($"DeleteSubscriptionTrainingKey?id={keys[1].Id}", 10, "redeemed");
        await FailsAsync($"DeleteSubscriptionTrainingKey?id={keys[0].Id}", 20, "id");
        await FailsAsync("DeleteSubscriptionTrainingKey", 10, "id is required");
    }

    [Fact]
    public async Task SearchPagesSortsAndFilters()
    {
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&trainingKeys=K05,K01,K03");
        App.Clock.Advance(TimeSpan.FromHours(1));
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={Epoch(2028, 1, 1)}&trainingKeys=K04,K02&organizationId=2");
        await MintAsync($"subscriptionProfileId={Gold}&expirationDate={In2030}&numberOfKeys=20");

        var firstPage = await OkAsync("SearchSubscriptionTrainingKeys");
        Assert.Equal(25, firstPage["TotalCount"]!.GetValue<int>());
        Assert.Equal(2, firstPage["TotalPages"]!.GetValue<int>());
        Assert.Equal(20, firstPage["Results"]!.AsArray().Count);
        Assert.Equal(5, (await OkAsync("SearchSubscriptionTrainingKeys?pageIndex=1"))["Results"]!.AsArray().Count);
        Assert.Equal(["K01", "K02", "K03", "K04", "K05"], Keys(await OkAsync("SearchSubscriptionTrainingKeys?sort=TrainingKey&pageSize=25&createdById=1")).Where(k => k.StartsWith('K') && k.Length == 3));
        Assert.Equal(["K05", "K04", "K03", "K02", "K01"], Keys(await OkAsync("SearchSubscriptionTrainingKeys?sort=TrainingKey%20DESC&pageSize=25")).Where(k => k.StartsWith('K') && k.Length == 3));
        Assert.Equal(["K02", "K04"], Keys(await OkAsync("SearchSubscriptionTrainingKeys?organizationId=2")));
        Assert.Equal(["K02", "K04"], Keys(await OkAsync($"SearchSubscriptionTrainingKeys?expiresBefore={In2030}")));
        Assert.Equal(23, (await OkAsync($"SearchSubscriptionTrainingKeys?expiresAfter={Epoch(2028, 1, 1)}"))["TotalCount"]!.GetValue<int>());
        Assert.Equal(["K01", "K03", "K05"], Keys(await OkAsync($"SearchSubscriptionTrainingKeys?createdBefore={TestApp.DefaultNow.AddMinutes(1).ToUnixTimeSeconds()}")));
        Assert.Equal(22, (await OkAsync($"SearchSubscriptionTrainingKeys?createdAfter={TestApp.DefaultNow.AddMinutes(1).ToUnixTimeSeconds()}"))["TotalCount"]!.GetValue<int>());
        Assert.Equal(["K03"], Keys(await OkAsync("SearchSubscriptionTrainingKeys?trainingKey=%20k03%20")));
        Assert.Equal(25, (await OkAsync($"SearchSubscriptionTrainingKeys?subscriptionProfileId={Gold}&pageSize=1"))["TotalPages"]!.GetValue<int>());

        foreach (var sort in new[] { "TrainingKey", "ContentExpiry", "SubscriptionProfileName", "Created", "CreatedById", "LastModified", "LastModifiedById", "ExpirationDate", "expirationdate desc", "Created ASC" })
        {
            Assert.Equal(25, (await OkAsync($"SearchSubscriptionTrainingKeys?pageSize=100&sort={Uri.EscapeDataString(sort)}"))["Results"]!.AsArray().Count);
        }

        Assert.Equal(["K04", "K02"], Keys(await OkAsync("SearchSubscriptionTrainingKeys?sort=ExpirationDate&pageSize=2")));
        await FailsAsync("SearchSubscriptionTrainingKeys?sort=Colour", 10, "sort must be one of TrainingKey");
        await FailsAsync("SearchSubscriptionTrainingKeys?sort=Created%20SIDEWAYS", 10, "sort");
        await FailsAsync("SearchSubscriptionTrainingKeys?pageSize=0", 10, "pageSize");
        await FailsAsync("SearchSubscriptionTrainingKeys?pageSize=5000", 10, "pageSize");
        await FailsAsync("SearchSubscriptionTrainingKeys?pageIndex=-1", 10, "pageIndex");
    }

    private async Task<string> ChildKeyAsync() => (await App.CreateAccountAsync("Acme child", Ids.Account(2))).Credential;

    private static List<string> Keys(System.Text.Json.Nodes.JsonNode answer) =>
        answer["Results"]!.AsArray().Select(r => r!["TrainingKey"]!.GetValue<string>()).ToList();

    [GeneratedRegex("^[A-Z0-9]{16}$")]
    private static partial Regex GeneratedKey();

    public sealed class OnSqlite() : TrainingKeyMethodTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TrainingKeyMethodTests(DatabaseProvider.Postgres);
}
