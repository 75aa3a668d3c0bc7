using Entitle.Persistence;
using Entitle.Tests.Support;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>
/// The public contract as SDL, committed at docs/schema.graphql: any change to a type, field, argument or enum
/// shows up as a diff to review. On a mismatch the new SDL is written beside it as schema.received.graphql.
/// </summary>
public sealed class SchemaSnapshotTests : IAsyncLifetime
{
    private TestApp? _app;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, demo: false);

    public async Task DisposeAsync() => await _app!.DisposeAsync();

    [Fact]
    public void TheSchemaMatchesTheCommittedContract()
    {
        var schema = _app!.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "schema.graphql");
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        if (printed != committed)
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "schema.received.graphql"), printed);
        }

        Assert.True(printed == committed, "The schema changed: review docs/schema.received.graphql and, if intended, replace docs/schema.graphql with it.");
    }

    [Fact]
    public void InputTypesCarryTheNamesClientsWriteInVariables()
    {
        var schema = _app!.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var names = schema.AllTypes.Select(t => t.Name).ToHashSet();

        foreach (var name in new[]
        {
            "TrainingPassTypeInput", "TrainingPassTypeUpdateInput", "TrainingPassTypeContentInput", "TrainingPassTypeOptionInput",
            "TrainingPassTypeOptionUpdateInput", "TrainingPassTypeOptionPriceInput", "TrainingPassTypeOptionPriceUpdateInput",
            "TrainingPassTypeOptionPriceDeleteInput", "TrainingPassIssueInput", "TrainingPassRenewInput", "TrainingPassRevokeInput",
            "TrainingPassReassignInput", "TrainingPassTypeFieldGraphFilter", "TrainingPassFieldGraphFilter", "ContactFieldGraphFilter",
            "CourseTemplateFieldGraphFilter", "LearningPathFieldGraphFilter", "LearningPathCreateInput", "LearningPathUpdateInput",
        })
        {
            Assert.Contains(name, names);
        }
    }
}
