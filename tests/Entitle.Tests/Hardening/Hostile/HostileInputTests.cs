using System.Diagnostics;
using System.Net.Sockets;
using Entitle.Api.Tms;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// The hostile-input corpus over both APIs: every request is answered in time, never with a 5xx, in the API's own
/// error convention and without a word of the app's insides, and the whole corpus leaves the database exactly as
/// it was. Every failing request is collected, so one run shows every problem.
/// </summary>
public abstract class HostileInputTests(DatabaseProvider provider) : AppTests(provider)
{
    /// <summary>Longer than any request may take; a request still running then is a hang.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EveryHostileRequestGetsTheApisOwnErrorInTimeAndChangesNothing()
    {
        var schema = await HostileCorpusSchema.ReadAsync(App);
        Assert.True(schema.Lists.Count >= 9 && schema.Lists.All(l => l.Fields.Count > 0), $"Filterable lists found: {string.Join(", ", schema.Lists.Select(l => l.Root))}");
        Assert.True(schema.TextFields.Count >= 20, $"{schema.TextFields.Count} text fields found in mutation inputs");
        var methods = App.Services.GetRequiredService<TmsMethods>();
        var graphql = GraphQLTransportCorpus.All().Concat(GraphQLDocumentCorpus.All(schema)).Select(r => r with { Name = "GraphQL " + r.Name }).ToList();
        var tms = TmsTransportCorpus.All().Concat(TmsMethodCorpus.All(methods)).Select(r => r with { Name = "TMS " + r.Name }).ToList();
        var corpus = graphql.Concat(tms).ToList();

        Assert.True(graphql.Count >= 120, $"{graphql.Count} GraphQL requests");
        Assert.True(tms.Count >= 120, $"{tms.Count} TMS requests");
        Assert.True(corpus.Count >= 300, $"{corpus.Count} requests");
        var repeated = corpus.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "Cases named twice: " + string.Join("; ", repeated));

        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        var failures = new List<string>();
        foreach (var request in corpus)
        {
            if (await FailureAsync(request) is { } failure)
            {
                failures.Add(failure);
            }
        }

        var after = await DatabaseSnapshot.TakeAsync(App.Database);
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} hostile requests ({graphql.Count} GraphQL, {tms.Count} TMS) were answered wrongly:\n\n" + string.Join("\n\n", failures));
        Assert.True(before == after, "The corpus changed the database:\n" + Difference(before, after));
    }

    /// <summary>Why <paramref name="request"/> was answered wrongly, or null when it was answered as it must be.</summary>
    private async Task<string?> FailureAsync(HostileRequest request)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var clock = Stopwatch.StartNew();
        HostileAnswer answer;
        try
        {
            answer = await HostileSender.SendAsync(App.Http, request, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return $"{request}: no answer within {Deadline.TotalSeconds:0} s (a hang)";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            return $"{request}: the connection failed after {clock.ElapsedMilliseconds} ms ({e.GetType().Name}: {e.Message})";
        }

        var problems = request.Expected.Problems(answer);
        return problems.Count == 0
            ? null
            : $"{request}: {string.Join("; ", problems)}\n  HTTP {answer.Status} {answer.MediaType}: {(answer.Body.Length <= 300 ? answer.Body : answer.Body[..300] + "…")}";
    }

    /// <summary>The rows only one of two snapshots holds.</summary>
    private static string Difference(string before, string after)
    {
        var old = before.Split('\n').ToHashSet(StringComparer.Ordinal);
        var @new = after.Split('\n').ToHashSet(StringComparer.Ordinal);
        return string.Join("\n", old.Except(@new).Select(l => "- " + l).Concat(@new.Except(old).Select(l => "+ " + l)).Take(50));
    }

    public sealed class OnSqlite() : HostileInputTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HostileInputTests(DatabaseProvider.Postgres);
}
