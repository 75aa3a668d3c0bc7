using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.Tms;

/// <summary>Subscriptions (ClubMemberships) over TMS: create, read, overwrite, delete, search, under both names.</summary>
public abstract class SubscriptionMethodTests(DatabaseProvider provider) : TmsTests(provider)
{
    private static readonly long Now = TestApp.DefaultNow.ToUnixTimeSeconds();

    [Fact]
    public async Task CreateAndReadUnderEitherName()
    {
        var created = await OkAsync($"CreateClubMembership?clubId={Gold}&userId=36&starts={Epoch(2023, 5, 1)}&externalId=crm-7&targetCompletion={Epoch(2023, 8, 1)}");
        var alias = await OkAsync($"createsubscription?CLUBID={Gold}&UserId=37&Starts={Epoch(2023, 5, 1)}&expires={Epoch(2023, 6, 1)}");

        Assert.Equal(["Status", "Error", "ClubMembershipId"], created.AsObject().Select(p => p.Key));
        var id = created["ClubMembershipId"]!.GetValue<int>();
        var record = (await OkAsync($"GetClubMembership?id={id}"))["Results"]![0]!;
        Assert.Equal(["Id", "ExternalId", "ClubId", "UserId", "Starts", "Expires", "TargetCompletion"], record.AsObject().Select(p => p.Key).Take(7));
        Assert.Equal("crm-7", record["ExternalId"]!.GetValue<string>());
        Assert.Equal(Epoch(2023, 5, 1), record["Starts"]!.GetValue<long>());
        Assert.Equal(Epoch(2024, 5, 1), record["Expires"]!.GetValue<long>());
        Assert.Equal(Epoch(2023, 8, 1), record["TargetCompletion"]!.GetValue<long>());
        Assert.Equal("Gold pass", record["ClubName"]!.GetValue<string>());
        Assert.False(record["Cancelled"]!.GetValue<bool>());

        var byAlias = (await OkAsync($"GetSubscription/{alias["ClubMembershipId"]}"))["Results"]![0]!;
        Assert.Equal(Epoch(2023, 6, 1), byAlias["Expires"]!.GetValue<long>());
        Assert.Equal(id, (await OkAsync("GetClubMembershipByExternalId?id=crm-7"))["Results"]![0]!["Id"]!.GetValue<int>());
        Assert.Equal(id, (await OkAsync("GetSubscriptionByExternalId/crm-7"))["Results"]![0]!["Id"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownIdsAnswerNotFoundWithEmptyResults()
    {
        var missing = await FailsAsync("GetClubMembership?id=999", 20, "id");
        Assert.Empty(missing["Results"]!.AsArray());
        Assert.Empty((await FailsAsync("GetClubMembershipByExternalId?id=nobody", 20, "id"))["Results"]!.AsArray());
        await FailsAsync($"UpdateClubMembership?id=999&clubId={Gold}&userId=31&starts={Now}", 20, "id");
        await FailsAsync("DeleteClubMembership?id=999", 20, "id");
    }

    /// <summary>
    /// CreateSubscription checks the presented credential in its own use case (as GraphQL's issuePass): on PostgreSQL
    /// in the statement that reads the profile and the learner, so the call costs one round trip fewer. The answers
    /// are those of the lookup first: the credential is read once, it is the actor of the pass's audit event, and an
    /// unknown or revoked one is status 30 with nothing written, whatever the other parameters say.
    /// </summary>
    [Fact]
    public async Task CreateChecksTheCredentialItselfOnceAndOnPostgresWithTheProfileAndTheLearner()
    {
        // Organizations' paths are remembered by the process after their first read: read them once before counting.
        await OkAsync($"CreateSubscription?clubId={Gold}&userId=36&starts={Epoch(2023, 5, 1)}");
        App.Statements.Reset();
        var created = await OkAsync($"CreateSubscription?clubId={Gold}&userId=37&starts={Epoch(2023, 5, 1)}");
        var statements = App.Statements.Statements.Select(s => s.Replace("\"", "", StringComparison.Ordinal)).ToList();

        Assert.Single(statements, s => s.Contains("FROM credentials", StringComparison.Ordinal));
        Assert.Contains("FROM credentials", statements[0], StringComparison.Ordinal);
        Assert.Equal(Provider == DatabaseProvider.Postgres, statements[0].Contains("pass_types", StringComparison.Ordinal) && statements[0].Contains("contacts", StringComparison.Ordinal));
        var id = created["ClubMembershipId"]!.GetValue<int>();
        Assert.Equal(37, (await OkAsync($"GetClubMembership?id={id}"))["Results"]![0]!["UserId"]!.GetValue<int>());
        var events = await App.GraphQLAsync($$"""{ auditEvents(filters: [{field: entityType, operation: eq, value: "TrainingPass"}, {field: entityId, operation: eq, value: "{{id}}"}]) { edges { node { action actor { id } actorCredentialId } } } }""");
        var audit = events.At("data.auditEvents.edges").AsArray().Single(e => e!["node"]!["action"]!.GetValue<string>() == "created")!["node"]!;
        Assert.Equal(Ids.Account(1), audit.Text("actor.id"));
        Assert.True(audit.At("actorCredentialId").GetValue<int>() > 0);

        var (_, child) = await App.CreateAccountAsync("Sales Channel");
        var rotated = (await App.GraphQLAsync("mutation { account { rotateCredential(input: {}) { credential } } }", credential: child)).Text("data.account.rotateCredential.credential");
        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        foreach (var key in new[] { "not-a-key", child })
        {
            foreach (var query in new[] { $"clubId={Gold}&userId=37&starts={Now}", $"clubId=999&userId=999&starts={Now}", $"clubId={Gold}&userId=37", "clubId=x" })
            {
                await FailsAsync($"CreateSubscription?{query}", 30, "Invalid integration key", key);
            }
        }

        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));

        // The live credential is answered as ever: a learner outside its organization is not found.
        await FailsAsync($"CreateSubscription?clubId={Gold}&userId=37&starts={Now}", 20, "userId", rotated);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));

        // With an Idempotency-Key the caller is looked up first (its record is kept per organization), and only then.
        App.Statements.Reset();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/2.0/CreateSubscription?clubId={Gold}&userId=38&starts={Now}");
        request.Headers.Add("api_key", TestApp.RootKey);
        request.Headers.Add("Idempotency-Key", "create-38");
        using var response = await App.Http.SendAsync(request);
        Assert.Contains("\"Status\":0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var keyed = App.Statements.Statements.Select(s => s.Replace("\"", "", StringComparison.Ordinal)).ToList();
        Assert.Single(keyed, s => s.Contains("FROM credentials", StringComparison.Ordinal));
        Assert.DoesNotContain("pass_types", keyed[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRefusesWhatTheRulesForbid()
    {
        var draft = (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"D\", name: \"Draft\"}) { trainingPassType { legacyId } errors { label } } } }")).At("trainingPassType.legacyId").GetValue<int>();

        await FailsAsync($"CreateSubscription?clubId={draft}&userId=31&starts={Now}", 10, "clubId");
        await FailsAsync($"CreateSubscription?clubId=999&userId=31&starts={Now}", 20, "clubId");
        await FailsAsync($"CreateSubscription?clubId={Gold}&userId=999&starts={Now}", 20, "userId");
        await FailsAsync($"CreateSubscription?clubId={Gold}&userId=31&starts={Now}&expires={Now - 10}", 10, "expires");
        await FailsAsync($"CreateSubscription?clubId={Gold}&userId=31", 10, "starts is required");
        await FailsAsync($"CreateSubscription?clubId={Gold}&userId=31&starts=soon", 10, "starts must be a Unix time");
    }

    [Fact]
    public async Task UpdateOverwritesAndAnswersInLowerCase()
    {
        var id = (await OkAsync($"CreateSubscription?clubId={Gold}&userId=31&starts={Epoch(2023, 5, 1)}&externalId=old&targetCompletion={Epoch(2023, 8, 1)}"))["ClubMembershipId"]!.GetValue<int>();

        var answer = await OkAsync($"UpdateSubscription?id={id}&clubId={Gold}&userId=32&starts={Epoch(2023, 6, 1)}&expires={Epoch(2023, 7, 1)}");

        Assert.Equal(["status", "error"], answer.AsObject().Select(p => p.Key));
        var record = (await OkAsync($"GetSubscription?id={id}"))["Results"]![0]!;
        Assert.Equal(32, record["UserId"]!.GetValue<int>());
        Assert.Equal(Epoch(2023, 6, 1), record["Starts"]!.GetValue<long>());
        Assert.Equal(Epoch(2023, 7, 1), record["Expires"]!.GetValue<long>());
        Assert.Null(record["ExternalId"]);
        Assert.Null(record["TargetCompletion"]);

        await OkAsync($"UpdateClubMembership/{id}?clubId={Gold}&userId=32&starts={Epoch(2023, 6, 1)}");
        Assert.Equal(Epoch(2024, 6, 1), (await OkAsync($"GetSubscription?id={id}"))["Results"]![0]!["Expires"]!.GetValue<long>());

        var refused = await FailsAsync($"UpdateSubscription?id={id}&clubId=999&userId=32&starts={Now}", 10, "clubId");
        Assert.Equal(["status", "error"], refused.AsObject().Select(p => p.Key));
        await FailsAsync($"UpdateSubscription?id={id}&clubId={Gold}&userId=32&starts={Now}&expires={Now}", 10, "expires");
        var missing = await FailsAsync($"UpdateSubscription?id={id}&clubId={Gold}&starts={Now}", 10, "userId is required");
        Assert.Equal(["status", "error"], missing.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task DeleteCancelsTheSubscriptionAtOnce()
    {
        await OkAsync("DeleteSubscription?id=1");

        var record = (await OkAsync("GetSubscription?id=1"))["Results"]![0]!;
        Assert.True(record["Cancelled"]!.GetValue<bool>());
        var pass = await App.GraphQLAsync($"{{ node(id: \"{Ids.Pass(1)}\") {{ ... on TrainingPass {{ lifecycleState isActive }} }} }}");
        Assert.Equal("cancelled", pass.Text("data.node.lifecycleState"));
        await FailsAsync("DeleteClubMembership?id=1", 10, "revoked");
        await FailsAsync($"UpdateSubscription?id=1&clubId={Gold}&userId=31&starts={Now}", 10, "revoked");
    }

    [Fact]
    public async Task SearchFiltersSortsAndPages()
    {
        await OkAsync($"UpdateUser?Id=33&ExternalId=ext-33");
        await OkAsync($"CreateSubscription?clubId={Gold}&userId=33&starts={Epoch(2023, 5, 1)}&expires={Epoch(2023, 6, 1)}");
        App.Clock.Advance(TimeSpan.FromHours(2));
        await OkAsync($"CreateSubscription?clubId={Gold}&userId=34&starts={Epoch(2023, 1, 1)}&expires={Epoch(2023, 2, 1)}");

        var all = await OkAsync("SearchSubscriptions");
        Assert.Equal(3, all["TotalCount"]!.GetValue<int>());
        Assert.Equal(1, all["TotalPages"]!.GetValue<int>());
        Assert.Equal([1, 2, 3], MembershipIds(all));
        Assert.Equal([3, 2, 1], MembershipIds(await OkAsync("SearchClubMemberships?sort=Created%20DESC")));
        Assert.Equal([3, 1, 2], MembershipIds(await OkAsync("SearchSubscriptions?sort=Starts")));
        Assert.Equal([2], MembershipIds(await OkAsync("SearchSubscriptions?userId=33")));
        Assert.Equal([2], MembershipIds(await OkAsync("SearchSubscriptions?userExternalId=ext-33")));
        Assert.Equal([1, 2, 3], MembershipIds(await OkAsync($"SearchSubscriptions?subscriptionId={Gold}")));
        Assert.Empty(MembershipIds(await OkAsync("SearchSubscriptions?clubId=99")));
        Assert.Equal([3], MembershipIds(await OkAsync($"SearchSubscriptions?createdAfter={Now + 60}")));
        Assert.Equal([1, 2], MembershipIds(await OkAsync($"SearchSubscriptions?createdBefore={Now + 60}")));
        Assert.Equal([2], MembershipIds(await OkAsync($"SearchSubscriptions?startsAfter={Epoch(2023, 4, 15)}")));
        Assert.Equal([3], MembershipIds(await OkAsync($"SearchSubscriptions?expiresBefore={Epoch(2023, 3, 1)}")));
        Assert.Equal([1], MembershipIds(await OkAsync($"SearchSubscriptions?expiresAfter={Epoch(2023, 12, 1)}")));
        Assert.Equal([2], MembershipIds(await OkAsync("SearchSubscriptions?pageSize=1&pageIndex=1")));
        Assert.Equal(3, (await OkAsync("SearchSubscriptions?pageSize=1"))["TotalPages"]!.GetValue<int>());

        foreach (var sort in new[] { "UserId", "ExternalUserId", "Subscription", "Starts", "Expires", "TargetCompletion", "Created", "LastModified", "Expires DESC" })
        {
            Assert.Equal(3, MembershipIds(await OkAsync($"SearchSubscriptions?sort={Uri.EscapeDataString(sort)}")).Count);
        }

        await FailsAsync("SearchSubscriptions?sort=Price", 10, "sort must be one of UserId");
    }

    private static List<int> MembershipIds(System.Text.Json.Nodes.JsonNode answer) =>
        answer["Results"]!.AsArray().Select(r => r!["Id"]!.GetValue<int>()).ToList();

    public sealed class OnSqlite() : SubscriptionMethodTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SubscriptionMethodTests(DatabaseProvider.Postgres);
}
