using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.Webhooks;

/// <summary>
/// The background worker itself: as the fake clock reaches a pass's end and passes the poll interval, the running
/// app emits pass.expired and delivers it, with no test code calling the job.
/// </summary>
public abstract class BackgroundWorkerTests(DatabaseProvider provider) : GraphQLTests(provider), IAsyncLifetime
{
    private WebhookReceiver? _receiver;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:WorkerEnabled"] = "true",
        ["Webhooks:PollInterval"] = "00:00:05",
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _receiver!.DisposeAsync();
    }

    [Fact]
    public async Task TheRunningWorkerDeliversExpiryWhenTheClockGetsThere()
    {
        await SucceedsAsync($"mutation {{ webhooks {{ create(input: {{url: \"{_receiver!.Url}\", eventTypes: [\"pass.expired\"]}}) {{ secret errors {{ label }} }} }} }}");

        App.Clock.SetUtcNow(new DateTimeOffset(2024, 4, 3, 9, 30, 0, TimeSpan.Zero));
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        await _receiver.WaitForAsync(1, TimeSpan.FromSeconds(30));

        var received = Assert.Single(_receiver.Requests);
        Assert.Equal("pass.expired", received.EventType);
        Assert.Equal(1, JsonNode.Parse(received.Body)!.At("data.passId").GetValue<int>());
    }

    public sealed class OnSqlite() : BackgroundWorkerTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BackgroundWorkerTests(DatabaseProvider.Postgres);
}
