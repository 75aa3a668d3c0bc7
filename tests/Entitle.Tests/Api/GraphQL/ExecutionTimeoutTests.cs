using System.Net;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>
/// A document that runs longer than <c>GraphQL:ExecutionTimeout</c> is cancelled and answered with a TIMEOUT
/// error, and whatever it would have changed is not changed. The limit is set below anything a document can do,
/// so every document is over it without the test waiting on a clock.
/// </summary>
public abstract class ExecutionTimeoutTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["GraphQL:ExecutionTimeout"] = "00:00:00.0000001",
    };

    [Fact]
    public async Task ADocumentOverTheTimeLimitIsAnsweredWithATimeoutErrorAndChangesNothing()
    {
        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        using var response = await App.PostGraphQLAsync("mutation { contact { create(input: {personalName: {firstName: \"Slow\", lastName: \"Poke\"}}) { contact { id } errors { message } } } }");
        var text = await response.Content.ReadAsStringAsync();
        var answer = JsonNode.Parse(text)!;

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("TIMEOUT", answer.Text("errors.0.extensions.code"));
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));
    }

    public sealed class OnSqlite() : ExecutionTimeoutTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ExecutionTimeoutTests(DatabaseProvider.Postgres);
}
