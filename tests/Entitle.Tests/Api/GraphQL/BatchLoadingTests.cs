using System.Text.Json.Nodes;
using Entitle.Domain.PassTypes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>Nested lists are batch-loaded: a page costs the same number of SQL statements whatever its size.</summary>
public abstract class BatchLoadingTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private const string SeedQueryWithFirst = """
        query($first: Int) { trainingPassTypes(first: $first) { edges { node {
          id name lifecycleState
          content { edges { node { __typename ... on CourseTemplate { code } ... on LearningPath { name courses { edges { node { code } } } } } } }
          options { edges { node { name validityPeriod { unit value } prices { edges { node { amount financialUnit { name } region { code } } } } } } }
        } } pageInfo { totalRecords } } }
        """;

    [Fact]
    public async Task APageOfPassTypesWithContentOptionsAndPricesCostsAConstantNumberOfStatements()
    {
        await AddPassTypesAsync(149);

        var small = await CountStatementsAsync(1);
        var medium = await CountStatementsAsync(10);
        var full = await CountStatementsAsync(100);

        Assert.Equal(small, medium);
        Assert.Equal(small, full);
        Assert.InRange(full, 1, 10);
    }

    /// <summary>
    /// A list of ids goes to the database as one parameter, so a page of 10 and a page of 100 run the very same SQL
    /// (EF Core 10's default, one parameter per id, generated the SQL again on every run: docs/benchmarks.md).
    /// </summary>
    [Fact]
    public async Task APagesStatementsAreTheSameSqlWhateverItsSize()
    {
        await AddPassTypesAsync(149);

        await CountStatementsAsync(10);
        var ten = App.Statements.Statements;
        await CountStatementsAsync(100);
        var hundred = App.Statements.Statements;

        Assert.Equal(ten, hundred);
    }

    [Fact]
    public async Task EachTypesContentPageIsItsOwnSliceOfItsContentInTheOrderAdded()
    {
        await AddPassTypesAsync(30);
        const string Query = """
            query($first: Int, $offset: Int) { trainingPassTypes(first: 100) { edges { node { id
              all: content { edges { node { __typename ... on CourseTemplate { id } ... on LearningPath { id } } } }
              page: content(first: $first, offset: $offset) { edges { node { __typename ... on CourseTemplate { id code } ... on LearningPath { id name } } } pageInfo { totalRecords } }
            } } } }
            """;

        var result = await App.GraphQLAsync(Query, new { first = 2, offset = 1 });

        Assert.True(result["errors"] is null, TestApp.Json(result));
        var types = result.At("data.trainingPassTypes.edges").AsArray();
        Assert.True(types.Count > 30);
        foreach (var type in types.OfType<JsonNode>())
        {
            var all = type.At("node.all.edges").AsArray().Select(e => e!.At("node.id").GetValue<string>()).ToList();
            var page = type.At("node.page.edges").AsArray().Select(e => e!.At("node")).ToList();
            Assert.Equal(all.Skip(1).Take(2), page.Select(n => n.At("id").GetValue<string>()));
            Assert.Equal(all.Count, type.At("node.page.pageInfo.totalRecords").GetValue<int>());
            Assert.All(page, n => Assert.False(string.IsNullOrEmpty((n["code"] ?? n["name"])!.GetValue<string>())));
        }

        // The bulk types hold two courses and a path: the page of each shows the second course, then the path.
        var bulk = types.Last()!.At("node.page.edges").AsArray();
        Assert.Equal(["CourseTemplate", "LearningPath"], bulk.Select(e => e!.At("node.__typename").GetValue<string>()));
    }

    [Fact]
    public async Task PassesWithTheirContactsTypesAndOptionsCostAConstantNumberOfStatements()
    {
        await AddPassesAsync(120);
        const string Query = "query($first: Int) { trainingPasses(first: $first) { edges { node { id contact { personalName { lastName } account { name } hasActiveTrainingPass trainingPasses { pageInfo { totalRecords } } } trainingPassType { name } option { name } } } } }";

        App.Statements.Reset();
        var few = await App.GraphQLAsync(Query, new { first = 2 });
        var fewStatements = App.Statements.Count;
        App.Statements.Reset();
        var many = await App.GraphQLAsync(Query, new { first = 100 });

        Assert.Equal(2, few.At("data.trainingPasses.edges").AsArray().Count);
        Assert.Equal(100, many.At("data.trainingPasses.edges").AsArray().Count);
        Assert.Equal(fewStatements, App.Statements.Count);
    }

    private async Task<int> CountStatementsAsync(int first)
    {
        App.Statements.Reset();
        var result = await App.GraphQLAsync(SeedQueryWithFirst, new { first });
        Assert.True(result["errors"] is null, TestApp.Json(result));
        Assert.Equal(first, result.At("data.trainingPassTypes.edges").AsArray().Count);
        if (first > 1)
        {
            // The last row is a bulk type: three content items, two options of two prices each.
            Assert.Equal(3, result.At($"data.trainingPassTypes.edges.{first - 1}.node.content.edges").AsArray().Count);
            Assert.Equal(2, result.At($"data.trainingPassTypes.edges.{first - 1}.node.options.edges.1.node.prices.edges").AsArray().Count);
        }

        return App.Statements.Count;
    }

    private async Task AddPassTypesAsync(int count)
    {
        var now = TestApp.DefaultNow.UtcDateTime;
        await using var db = App.Database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            var type = PassType.Create(1, $"BULK-{i}", $"Bulk pass {i}", null, now);
            type.AddContent([1 + i % 12, 1 + (i + 1) % 12], [1 + i % 3], now);
            foreach (var name in new[] { "Monthly", "Yearly" })
            {
                var option = type.AddOption(name, new ValidityPeriod(name == "Monthly" ? PeriodUnit.Months : PeriodUnit.Years, 1), now);
                option.AddPrice("DR", "USD", 1000 + i, now);
                option.AddPrice(null, "EUR", 900 + i, now);
            }

            db.PassTypes.Add(type);
        }

        await db.SaveChangesAsync();
    }

    private async Task AddPassesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(31 + i % 10)}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}");
        }
    }

    public sealed class OnSqlite() : BatchLoadingTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : BatchLoadingTests(DatabaseProvider.Postgres);
}
