using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>Global ids: every prefix resolves through node(id:), and numeric types expose legacyId.</summary>
public abstract class NodeTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    [Theory]
    [InlineData("VHJhaW5pbmdQYXNzVHlwZTox", "TrainingPassType", 1)]
    [InlineData("VHJhaW5pbmdQYXNzVHlwZU9wdGlvbjox", "TrainingPassTypeOption", 1)]
    [InlineData("VHJhaW5pbmdQYXNzVHlwZU9wdGlvblByaWNlOjE=", "TrainingPassTypeOptionPrice", 1)]
    [InlineData("VHJhaW5pbmdQYXNzOjE=", "TrainingPass", 1)]
    [InlineData("UGVyc29uOjM1", "Contact", 35)]
    [InlineData("T3JnYW5pc2F0aW9uOjI=", "Account", 2)]
    [InlineData("Q291cnNlVGVtcGxhdGU6MTE=", "CourseTemplate", 11)]
    [InlineData("TGVhcm5pbmdQYXRoOjE=", "LearningPath", 1)]
    public async Task EveryNumericPrefixResolvesWithItsLegacyId(string id, string typename, int legacyId)
    {
        var result = await App.GraphQLAsync($$"""
            { node(id: "{{id}}") { __typename id
              ... on TrainingPassType { legacyId } ... on TrainingPassTypeOption { legacyId } ... on TrainingPassTypeOptionPrice { legacyId }
              ... on TrainingPass { legacyId } ... on Contact { legacyId } ... on Account { legacyId }
              ... on CourseTemplate { legacyId } ... on LearningPath { legacyId } } }
            """);

        Assert.Equal(typename, result.Text("data.node.__typename"));
        Assert.Equal(id, result.Text("data.node.id"));
        Assert.Equal(legacyId, result.At("data.node.legacyId").GetValue<int>());
    }

    [Fact]
    public async Task RegionsAreKeyedByTheirCode()
    {
        var result = await App.GraphQLAsync("""{ node(id: "UmVnaW9uOkRS") { __typename id ... on Region { code name } } regions { edges { node { id code } } } }""");

        Assert.Equal("Region", result.Text("data.node.__typename"));
        Assert.Equal("DR", result.Text("data.node.code"));
        Assert.Equal(["DR", "EU", "NA", "UK"], result.Ids("data.regions", "code"));
    }

    [Fact]
    public async Task ObjectsLinkToEachOther()
    {
        var result = await App.GraphQLAsync("""
            { node(id: "VHJhaW5pbmdQYXNzOjE=") { ... on TrainingPass {
                contact { legacyId personalName { firstName lastName } account { name parent { legacyId } } }
                trainingPassType { code options { pageInfo { totalRecords } } }
                option { name validityPeriod { unit value } trainingPassType { legacyId }
                         prices { edges { node { amount region { code } financialUnit { name ... on Currency { code symbol } } trainingPassTypeOption { legacyId } } } } }
                lifecycleState isActive validFrom validUntil } } }
            """);
        var pass = result.At("data.node");

        Assert.Equal(31, pass.At("contact.legacyId").GetValue<int>());
        Assert.Equal("Acme Corporation", pass.Text("contact.account.name"));
        Assert.Equal(1, pass.At("contact.account.parent.legacyId").GetValue<int>());
        Assert.Equal("GOLD", pass.Text("trainingPassType.code"));
        Assert.Equal("""{"unit":"years","value":1}""", TestApp.Json(pass.At("option.validityPeriod")));
        Assert.Equal("""{"amount":"120.00","region":{"code":"DR"},"financialUnit":{"name":"U.S. Dollars","code":"USD","symbol":"$"},"trainingPassTypeOption":{"legacyId":1}}""", TestApp.Json(pass.At("option.prices.edges.0.node")));
        Assert.Equal("active", pass.Text("lifecycleState"));
        Assert.True(pass.At("isActive").GetValue<bool>());
        Assert.Equal("2023-04-03T09:30:00Z", pass.Text("validFrom"));
        Assert.Equal("2024-04-03T09:30:00Z", pass.Text("validUntil"));
    }

    [Fact]
    public async Task AChildAccountDoesNotSeeItsParent()
    {
        var (child, key) = await App.CreateAccountAsync("Acme team", Ids.Account(2));

        var result = await App.GraphQLAsync($"{{ node(id: \"{child}\") {{ ... on Account {{ name parent {{ id }} }} }} }}", credential: key);

        Assert.Equal("Acme team", result.Text("data.node.name"));
        Assert.True(result.IsNull("data.node.parent"));
    }

    [Fact]
    public async Task CurrenciesAreTheIsoListWithEnglishNames()
    {
        var result = await App.GraphQLAsync("{ currencies(first: 100) { edges { node { code name symbol } } pageInfo { totalRecords } } }");
        var currencies = result.At("data.currencies.edges").AsArray().Select(e => e!["node"]!).ToDictionary(n => n.Text("code"), n => n.Text("name"));

        Assert.Equal("U.S. Dollars", currencies["USD"]);
        Assert.Equal("Euros", currencies["EUR"]);
        Assert.Equal("British Pounds", currencies["GBP"]);
        Assert.True(currencies.Count >= 40);
    }

    public sealed class OnSqlite() : NodeTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : NodeTests(DatabaseProvider.Postgres);
}
