using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Application.Passes;

/// <summary>
/// Issuing a pass reads the type (with its options) and the learner (with their organization) inside its write
/// transaction. On PostgreSQL, where each statement is a round trip to the server, both come in one statement; SQLite
/// cannot run that join and reads them one after the other. Either way the answers are the ones each read alone gave.
/// </summary>
public abstract class PassIssueReadsTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private static string Issue(string type, string contact) =>
        $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{type}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{contact}\"}}) {{ trainingPass {{ id }} errors {{ label message value }} }} }} }}";

    [Fact]
    public async Task TheTypeAndTheLearnerAreReadInOneStatementOnPostgres()
    {
        App.Statements.Reset();
        var issued = await SucceedsAsync(Issue(Ids.Type(1), Ids.Person(33)));
        var statements = App.Statements.Statements.Select(s => s.Replace("\"", "", StringComparison.Ordinal)).ToList();

        var typeReads = statements.Where(s => s.Contains("FROM pass_types", StringComparison.Ordinal)).ToList();
        var contactReads = statements.Where(s => s.Contains("FROM contacts", StringComparison.Ordinal)).ToList();
        Assert.Single(typeReads);
        Assert.Single(contactReads);
        Assert.Equal(Provider == DatabaseProvider.Postgres, typeReads[0] == contactReads[0]);
        var pass = await App.GraphQLAsync($"{{ node(id: \"{issued.Text("trainingPass.id")}\") {{ ... on TrainingPass {{ contact {{ id }} trainingPassType {{ id }} option {{ id }} }} }} }}", credential: TestApp.RootKey);
        Assert.Equal(Ids.Person(33), pass.Text("data.node.contact.id"));
        Assert.Equal(Ids.Type(1), pass.Text("data.node.trainingPassType.id"));
        Assert.Equal(Ids.Option(1), pass.Text("data.node.option.id"));
    }

    [Fact]
    public async Task AnUnknownTypeIsReportedBeforeAnUnknownLearnerAndAnUnknownLearnerAfterAKnownType()
    {
        await RefusedAsync(Issue(Ids.Type(999), Ids.Person(999)), "trainingPassTypeId");
        await RefusedAsync(Issue(Ids.Type(1), Ids.Person(999)), "contactId");
    }

    public sealed class OnSqlite() : PassIssueReadsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PassIssueReadsTests(DatabaseProvider.Postgres);
}
