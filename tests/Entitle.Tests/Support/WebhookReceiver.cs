using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entitle.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback port that records every webhook request and answers as the test scripts it:
/// a queue of status codes (then 200), or no answer at all.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    /// <summary>When true the receiver reads the request and never answers.</summary>
    public bool Hang { get; set; }

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = address + "/hook";
        return receiver;
    }

    /// <summary>The status codes the next requests get, in order; 200 once they are used up.</summary>
    public void Answer(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    /// <summary>Waits (in real time, bounded) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (Requests.Count < count)
        {
            var signal = _received.Task;
            if (Requests.Count >= count)
            {
                return;
            }

            try
            {
                await signal.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} webhook requests, got {Requests.Count}.");
            }
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        // A request that arrived counts even when its sender gave up before its body was read (a hung receiver's
        // sender times out; on a loaded machine that can come first).
        string body;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            body = "";
        }

        Requests.Enqueue(new ReceivedWebhook(
            body,
            http.Request.Headers["X-Entitle-Signature"].ToString(),
            http.Request.Headers["X-Entitle-Event"].ToString(),
            http.Request.Headers["X-Entitle-Delivery"].ToString()));
        Interlocked.Exchange(ref _received, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, http.RequestAborted).Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        http.Response.StatusCode = _script.TryDequeue(out var status) ? status : 200;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
