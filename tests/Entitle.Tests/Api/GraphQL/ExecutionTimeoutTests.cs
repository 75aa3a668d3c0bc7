using System.Net;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>
/// A document that runs longer than <c>GraphQL:ExecutionTimeout</c> is cancelled and answered with a TIMEOUT
/// error, and whatever it would have changed is not changed. The limit runs on the app's clock: the test makes the
/// document "run long" by moving the fake clock past the limit while the document is writing, so nothing waits.
/// </summary>
public abstract class ExecutionTimeoutTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["GraphQL:ExecutionTimeout"] = "00:00:05",
    };

    [Fact]
    public async Task ADocumentOverTheTimeLimitIsAnsweredWithATimeoutErrorAndChangesNothing()
    {
        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        App.Faults.BeforeNext(sql => sql.Contains("INSERT INTO", StringComparison.Ordinal) && sql.Contains("contacts", StringComparison.Ordinal), () => App.Clock.Advance(TimeSpan.FromSeconds(6)));
        using var response = await App.PostGraphQLAsync("mutation { contact { create(input: {personalName: {firstName: \"Slow\", lastName: \"Poke\"}}) { contact { id } errors { message } } } }");
        var text = await response.Content.ReadAsStringAsync();
        var answer = JsonNode.Parse(text)!;

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("TIMEOUT", answer.Text("errors.0.extensions.code"));
        Assert.Contains("longer than the 5 s limit", answer.Text("errors.0.message"), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));

        // Under the limit the same document runs: the refusal above was the clock, not the document.
        var ran = await App.GraphQLAsync("mutation { contact { create(input: {personalName: {firstName: \"Quick\", lastName: \"Poke\"}}) { contact { id } errors { message } } } }");
        Assert.False(ran.IsNull("data.contact.create.contact"), ran.ToJsonString());
    }

    public sealed class OnSqlite() : ExecutionTimeoutTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ExecutionTimeoutTests(DatabaseProvider.Postgres);
}
