using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Entitle.Application.Webhooks;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Api.Webhooks;

/// <summary>Webhooks against a real HTTP listener: signed bodies, retries with growing delays on the fake clock, no duplicates.</summary>
public abstract class WebhookTests(DatabaseProvider provider) : GraphQLTests(provider), IAsyncLifetime
{
    private WebhookReceiver? _receiver;

    protected WebhookReceiver Receiver => _receiver!;

    /// <summary>Short real-time answers so a hanging receiver costs the test little; the schedule itself is on the fake clock.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:Timeout"] = "00:00:00.300",
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:BaseDelay"] = "00:00:30",
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        await DisposeAsync();
    }

    [Fact]
    public async Task ADeliveryCarriesTheEventAndAValidSignature()
    {
        var secret = await SubscribeAsync("pass.issued", "pass.revoked");

        var pass = await IssueAsync(32);
        Assert.Equal(1, await RunDispatcherAsync());

        var received = Assert.Single(Receiver.Requests);
        Assert.Equal("pass.issued", received.EventType);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(received.Body))), received.Signature);
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("pass.issued", body.Text("type"));
        Assert.Equal("2023-04-03T09:30:00Z", body.Text("occurredAt"));
        Assert.Equal(2, body.At("organizationId").GetValue<int>());
        Assert.Equal(pass, body.At("data.passId").GetValue<int>());
        Assert.Equal(32, body.At("data.contactId").GetValue<int>());
        Assert.Equal("2024-04-03T09:30:00Z", body.Text("data.validUntil"));

        var deliveries = await App.GraphQLAsync("{ webhookDeliveries { edges { node { eventType status attempts lastResponseCode nextAttemptAt body attemptLog { responseCode succeeded } } } } }");
        var delivery = deliveries.At("data.webhookDeliveries.edges.0.node");
        Assert.Equal("succeeded", delivery.Text("status"));
        Assert.Equal(200, delivery.At("lastResponseCode").GetValue<int>());
        Assert.True(delivery.IsNull("nextAttemptAt"));
        Assert.Equal(received.Body, delivery.Text("body"));
        Assert.Equal(0, await RunDispatcherAsync());
    }

    [Fact]
    public async Task AFailingReceiverGetsTheEventAgainAfterGrowingDelays()
    {
        await SubscribeAsync("pass.issued");
        Receiver.Answer(500, 503);
        await IssueAsync(32);

        Assert.Equal(1, await RunDispatcherAsync());
        Assert.Equal(0, await RunDispatcherAsync());
        App.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await RunDispatcherAsync());
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await RunDispatcherAsync());
        App.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await RunDispatcherAsync());
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await RunDispatcherAsync());

        Assert.Equal(3, Receiver.Requests.Count);
        Assert.Single(Receiver.Requests.Select(r => r.Body).Distinct());
        var delivery = (await App.GraphQLAsync("{ webhookDeliveries { edges { node { status attempts attemptLog { attemptedAt responseCode succeeded } } } } }")).At("data.webhookDeliveries.edges.0.node");
        Assert.Equal("succeeded", delivery.Text("status"));
        Assert.Equal(3, delivery.At("attempts").GetValue<int>());
        Assert.Equal(
            """[{"attemptedAt":"2023-04-03T09:30:00Z","responseCode":500,"succeeded":false},{"attemptedAt":"2023-04-03T09:30:30Z","responseCode":503,"succeeded":false},{"attemptedAt":"2023-04-03T09:31:30Z","responseCode":200,"succeeded":true}]""",
            TestApp.Json(delivery.At("attemptLog")));
    }

    [Fact]
    public async Task AReceiverThatNeverAnswersIsRetriedThenMarkedFailed()
    {
        await SubscribeAsync("pass.revoked");
        Receiver.Hang = true;
        await App.GraphQLAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{Ids.Pass(1)}\"}}) {{ errors {{ label }} }} }} }}");

        foreach (var wait in new[] { 0, 30, 60, 120 })
        {
            App.Clock.Advance(TimeSpan.FromSeconds(wait));
            Assert.Equal(1, await RunDispatcherAsync());
        }

        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RunDispatcherAsync());
        var delivery = (await App.GraphQLAsync("{ webhookDeliveries(filters: [{field: status, operation: eq, value: \"failed\"}]) { edges { node { status attempts nextAttemptAt lastError attemptLog { responseCode error } } } } }")).At("data.webhookDeliveries.edges.0.node");
        Assert.Equal("failed", delivery.Text("status"));
        Assert.Equal(4, delivery.At("attempts").GetValue<int>());
        Assert.True(delivery.IsNull("nextAttemptAt"));
        Assert.Contains("No answer within 0.3 s", delivery.Text("lastError"), StringComparison.Ordinal);
        Assert.All(delivery.At("attemptLog").AsArray(), a => Assert.Null(a!["responseCode"]));

        // Each attempt reached the receiver; the last may still be on its way there when the sender has given up.
        await Receiver.WaitForAsync(4, TimeSpan.FromSeconds(10));
        Assert.Equal(4, Receiver.Requests.Count);
    }

    [Fact]
    public async Task TwoWorkersOnOneDatabaseSendEachDeliveryOnce()
    {
        await SubscribeAsync("pass.issued");
        for (var i = 0; i < 40; i++)
        {
            await IssueAsync(31 + i % 10);
        }

        var sent = await Task.WhenAll(RunDispatcherAsync(), RunDispatcherAsync());

        Assert.Equal(40, sent.Sum());
        Assert.Equal(40, Receiver.Requests.Count);
        Assert.Equal(40, Receiver.Requests.Select(r => r.DeliveryId).Distinct().Count());
        await using var db = App.Database.CreateContext();
        Assert.Equal(40, await db.WebhookAttempts.CountAsync());
        Assert.Equal(40, await db.WebhookEvents.CountAsync(e => e.Type == "pass.issued"));
    }

    [Fact]
    public async Task EndpointsHearOfTheirAccountAndTheAccountsBelowOnly()
    {
        var (acme, acmeKey) = await App.CreateAccountAsync("Acme team", Ids.Account(2));
        _ = acme;
        var acmeSecret = await SubscribeAsAsync(acmeKey, "pass.issued", "pass.reassigned", "key.redeemed", "keys.minted", "course.started", "pass.renewed");
        var rootSecret = await SubscribeAsAsync(TestApp.RootKey, "pass.issued");
        Assert.NotEqual(acmeSecret, rootSecret);

        await IssueAsync(36);
        Assert.Equal(1, await RunDispatcherAsync());

        var learner = (await SucceedsAsync("mutation { contact { create(input: {personalName: {firstName: \"T\", lastName: \"Eam\"}}) { contact { id } errors { label } } } }", acmeKey)).Text("contact.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{learner}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}", acmeKey);
        Assert.Equal(2, await RunDispatcherAsync());
        Assert.Equal(3, Receiver.Requests.Count);

        var webhooks = await App.GraphQLAsync("{ webhooks { edges { node { eventTypes deliveries { pageInfo { totalRecords } } } } } }", credential: acmeKey);
        Assert.Single(webhooks.At("data.webhooks.edges").AsArray());
        Assert.Equal(1, webhooks.At("data.webhooks.edges.0.node.deliveries.pageInfo.totalRecords").GetValue<int>());
    }

    [Fact]
    public async Task ARedemptionTellsAnEndpointOfBothItsEventsAndAnEndpointAddedSinceHearsOfTheNextChange()
    {
        await SubscribeAsync("key.redeemed", "pass.issued");
        await TmsOkAsync("CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&maxKeyUses=2&trainingKeys=HOOKED");

        // The publisher reads the listening endpoints once per transaction: both events of one redemption reach the endpoint.
        await TmsOkAsync("RedeemSubscriptionTrainingKey?trainingKey=HOOKED&userId=31");
        Assert.Equal(2, await RunDispatcherAsync());
        Assert.Equal(["key.redeemed", "pass.issued"], Receiver.Requests.Select(r => r.EventType).Order());

        // The next transaction reads them afresh, so an endpoint added in between is not missed.
        await SubscribeAsync("pass.issued");
        await TmsOkAsync("RedeemSubscriptionTrainingKey?trainingKey=HOOKED&userId=32");
        Assert.Equal(3, await RunDispatcherAsync());
        Assert.Equal(3, Receiver.Requests.Count(r => r.EventType == "pass.issued"));
    }

    [Fact]
    public async Task WebhooksAreChangedAndRemovedAndBadOnesRefused()
    {
        var created = await SucceedsAsync($"mutation {{ webhooks {{ create(input: {{url: \"{Receiver.Url}\", eventTypes: [\"pass.issued\"]}}) {{ webhook {{ id legacyId url eventTypes enabled }} secret errors {{ label }} }} }} }}");
        var id = created.Text("webhook.id");

        var rotated = await SucceedsAsync($"mutation {{ webhooks {{ update(input: {{webhookId: \"{id}\", enabled: false, eventTypes: [\"pass.revoked\", \"pass.renewed\"], rotateSecret: true}}) {{ webhook {{ enabled eventTypes }} secret errors {{ label }} }} }} }}");
        Assert.False(rotated.At("webhook.enabled").GetValue<bool>());
        Assert.Equal(["pass.revoked", "pass.renewed"], rotated.At("webhook.eventTypes").AsArray().Select(t => t!.GetValue<string>()));
        Assert.NotEqual(created.Text("secret"), rotated.Text("secret"));
        Assert.True((await SucceedsAsync($"mutation {{ webhooks {{ update(input: {{webhookId: \"{id}\", enabled: true}}) {{ secret errors {{ label }} }} }} }}")).IsNull("secret"));

        await RefusedAsync("mutation { webhooks { create(input: {url: \"ftp://example.com\", eventTypes: [\"pass.issued\"]}) { webhook { id } secret errors { label message value } } } }", "url");
        await RefusedAsync("mutation { webhooks { create(input: {url: \"not a url\", eventTypes: [\"pass.issued\"]}) { webhook { id } secret errors { label message value } } } }", "url");
        await RefusedAsync($"mutation {{ webhooks {{ create(input: {{url: \"{Receiver.Url}\", eventTypes: [\"pass.exploded\"]}}) {{ webhook {{ id }} secret errors {{ label message value }} }} }} }}", "eventTypes", messageContains: "pass.exploded");
        await RefusedAsync($"mutation {{ webhooks {{ create(input: {{url: \"{Receiver.Url}\", eventTypes: []}}) {{ webhook {{ id }} secret errors {{ label message value }} }} }} }}", "eventTypes");
        var (_, sibling) = await App.CreateAccountAsync("Sibling");
        await RefusedAsync($"mutation {{ webhooks {{ delete(input: {{webhookId: \"{id}\"}}) {{ webhook {{ id }} secret errors {{ label message value }} }} }} }}", "webhookId", sibling);

        await SucceedsAsync($"mutation {{ webhooks {{ delete(input: {{webhookId: \"{id}\"}}) {{ webhook {{ id }} errors {{ label }} }} }} }}");
        Assert.Empty((await App.GraphQLAsync("{ webhooks { edges { node { id } } } }")).At("data.webhooks.edges").AsArray());
    }

    private Task<string> SubscribeAsync(params string[] eventTypes) => SubscribeAsAsync(TestApp.RootKey, eventTypes);

    private async Task<string> SubscribeAsAsync(string credential, params string[] eventTypes)
    {
        var types = string.Join(", ", eventTypes.Select(t => $"\"{t}\""));
        return (await SucceedsAsync($"mutation {{ webhooks {{ create(input: {{url: \"{Receiver.Url}\", eventTypes: [{types}]}}) {{ webhook {{ id }} secret errors {{ label message }} }} }} }}", credential)).Text("secret");
    }

    private async Task<int> IssueAsync(int contact) =>
        (await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(contact)}\"}}) {{ trainingPass {{ legacyId }} errors {{ label }} }} }} }}")).At("trainingPass.legacyId").GetValue<int>();

    private async Task TmsOkAsync(string methodAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + methodAndQuery);
        request.Headers.Add("api_key", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(answer["Status"]?.GetValue<int>() == 0, $"{methodAndQuery}: {answer.ToJsonString()}");
    }

    /// <summary>One worker's run, in a scope (and so a database connection) of its own.</summary>
    private async Task<int> RunDispatcherAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    public sealed class OnSqlite() : WebhookTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : WebhookTests(DatabaseProvider.Postgres);
}
