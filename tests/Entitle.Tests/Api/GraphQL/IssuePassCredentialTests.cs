using System.Net;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>
/// A document asking only <c>trainingPass { issuePass }</c> runs before its credential is looked up, and the use case
/// checks the credential itself (IssuePassDocument): on PostgreSQL in the statement that reads the type and the
/// learner, one round trip fewer. The answers must be those of the lookup first: an unknown or revoked credential is
/// 401 whatever the document says, with nothing written; a live one issues as ever, and is recorded as the actor.
/// </summary>
public abstract class IssuePassCredentialTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    /// <summary>The mutation; with <paramref name="directive"/> the same work, but no longer the bare document recognized.</summary>
    private static string Issue(string type, string contact, string directive = "") =>
        $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{type}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{contact}\"}}) {directive} {{ trainingPass {{ id legacyId contact {{ id }} }} errors {{ label message value }} }} }} }}";

    private const string LookupFirst = "@include(if: true)";

    private List<string> Statements() => App.Statements.Statements.Select(s => s.Replace("\"", "", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task IssuePassAloneReadsTheCredentialOnceAndOnPostgresWithTheTypeAndTheLearner()
    {
        // Organizations' paths are remembered by the process after their first read: read them once before counting.
        await SucceedsAsync(Issue(Ids.Type(1), Ids.Person(32), LookupFirst));
        App.Statements.Reset();
        var alone = await SucceedsAsync(Issue(Ids.Type(1), Ids.Person(33)));
        var aloneStatements = Statements();
        App.Statements.Reset();
        var more = await SucceedsAsync(Issue(Ids.Type(1), Ids.Person(34), LookupFirst));
        var moreStatements = Statements();

        Assert.Single(aloneStatements, s => s.Contains("FROM credentials", StringComparison.Ordinal));
        Assert.Contains("FROM credentials", aloneStatements[0], StringComparison.Ordinal);
        var isPostgres = Provider == DatabaseProvider.Postgres;
        Assert.Equal(isPostgres, aloneStatements[0].Contains("pass_types", StringComparison.Ordinal) && aloneStatements[0].Contains("contacts", StringComparison.Ordinal));

        // A document asking anything more has its caller looked up first, on its own.
        Assert.Single(moreStatements, s => s.Contains("FROM credentials", StringComparison.Ordinal));
        Assert.DoesNotContain("pass_types", moreStatements[0], StringComparison.Ordinal);
        Assert.True(moreStatements.Count - (isPostgres ? 1 : 0) == aloneStatements.Count, string.Join("\n---\n", aloneStatements) + "\n=======\n" + string.Join("\n---\n", moreStatements));

        // Both answers name their learner (read through the caller the statement found), and both passes are stored.
        Assert.Equal(Ids.Person(33), alone.Text("trainingPass.contact.id"));
        Assert.Equal(Ids.Person(34), more.Text("trainingPass.contact.id"));
        foreach (var (payload, person) in new[] { (alone, 33), (more, 34) })
        {
            var stored = await App.GraphQLAsync($"{{ node(id: \"{payload.Text("trainingPass.id")}\") {{ ... on TrainingPass {{ contact {{ id }} trainingPassType {{ id }} option {{ id }} }} }} }}");
            Assert.Equal(Ids.Person(person), stored.Text("data.node.contact.id"));
            Assert.Equal(Ids.Type(1), stored.Text("data.node.trainingPassType.id"));
        }
    }

    [Fact]
    public async Task TheCredentialThatIssuedIsTheActorOfThePassesAuditEventEitherWay()
    {
        var alone = await SucceedsAsync(Issue(Ids.Type(1), Ids.Person(33)));
        var more = await SucceedsAsync(Issue(Ids.Type(1), Ids.Person(34), LookupFirst));

        var actors = new List<(string Actor, int Credential)>();
        foreach (var payload in new[] { alone, more })
        {
            var events = await App.GraphQLAsync($$"""{ auditEvents(filters: [{field: entityType, operation: eq, value: "TrainingPass"}, {field: entityId, operation: eq, value: "{{payload.At("trainingPass.legacyId")}}"}]) { edges { node { action actor { id } actorCredentialId } } } }""");
            var created = events.At("data.auditEvents.edges").AsArray().Single(e => e!["node"]!["action"]!.GetValue<string>() == "created")!["node"]!;
            actors.Add((created.Text("actor.id"), created.At("actorCredentialId").GetValue<int>()));
        }

        Assert.Equal(Ids.Account(1), actors[0].Actor);
        Assert.True(actors[0].Credential > 0);
        Assert.Equal(actors[1], actors[0]);
    }

    [Fact]
    public async Task AnUnknownOrRevokedCredentialIsAnswered401WhateverTheDocumentSaysAndNothingIsIssued()
    {
        var (_, child) = await App.CreateAccountAsync("Sales Channel");
        var rotated = (await App.GraphQLAsync("mutation { account { rotateCredential(input: {}) { credential } } }", credential: child)).Text("data.account.rotateCredential.credential");
        var documents = new[]
        {
            Issue(Ids.Type(1), Ids.Person(33)),
            Issue(Ids.Type(999), Ids.Person(999)),
            Issue("not-an-id", Ids.Person(33)),
            "mutation($input: TrainingPassIssueInput!) { trainingPass { issuePass(input: $input) { errors { label } } } }",
            "mutation { trainingPass { issuePass(input: {contactId: 5}) { errors { label } } } }",
        };

        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        foreach (var key in new[] { "not-a-key", child })
        {
            foreach (var document in documents)
            {
                using var response = await App.PostGraphQLAsync(document, credential: key);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{document}: {body}");
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
                Assert.DoesNotContain("data", body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));

        // The live credential is answered as ever: a learner outside its organization is not found, and a malformed
        // id is named, each changing nothing.
        await RefusedAsync(Issue(Ids.Type(1), Ids.Person(33)), "contactId", rotated);
        await RefusedAsync(Issue("not-an-id", Ids.Person(33)), "trainingPassTypeId", rotated);
    }

    public sealed class OnSqlite() : IssuePassCredentialTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : IssuePassCredentialTests(DatabaseProvider.Postgres);
}
