using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>
/// Every example of seed 000 (Administrate's "Training Passes" page), in order, sent verbatim to the running app
/// with the demo catalog. Where the seed shows a response, the answer must equal it exactly.
/// </summary>
public abstract class SeedExampleTests(DatabaseProvider provider) : AppTests(provider)
{
    /// <summary>The seed's search, as written there; the explorer's browser test types it too.</summary>
    internal const string Search = """
        query {
        trainingPassTypes(
        filters:[
        {field: lifecycleState, operation: eq, value: "published"}
        ]
        ){
        edges{
        node{
        id
        name
        lifecycleState
        content{
        edges{
        node{
        __typename
        ... on CourseTemplate{
        code
        }
        ... on LearningPath{
        name
        }
        }
        }
        }
        options{
        edges{
        node{
        name
        prices{
        edges{
        node{
        amount
        financialUnit{
        name
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        """;

    private const string SearchResponse = """
        {
        "data": {
        "trainingPassTypes": {
        "edges": [
        {
        "node": {
        "id": "VHJhaW5pbmdQYXNzVHlwZTox",
        "name": "Gold pass",
        "lifecycleState": "published",
        "content": {
        "edges": [
        {
        "node": {
        "__typename": "CourseTemplate",
        "code": "ABC-123"
        }
        },
        {
        "node": {
        "__typename": "LearningPath",
        "name": "First Aid"
        }
        }
        ]
        },
        "options": {
        "edges": [
        {
        "node": {
        "name": "Yearly",
        "prices": {
        "edges": [
        {
        "node": {
        "amount": "120.00",
        "financialUnit": {
        "name": "U.S. Dollars"
        }
        }
        }
        ]
        }
        }
        }
        ]
        }
        }
        }
        ]
        }
        }
        }
        """;

    private const string Create = """
        mutation {
        trainingPass{
        createType(input:{
        code: "Silver"
        name: "Silver pass"
        }) {
        trainingPassType{
        id
        lifecycleState
        }
        errors{
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string CreateResponse = """
        {
        "data": {
        "trainingPass": {
        "createType": {
        "trainingPassType": {
        "id": "VHJhaW5pbmdQYXNzVHlwZToy",
        "lifecycleState": "draft"
        },
        "errors": []
        }
        }
        }
        }
        """;

    private const string AddContent = """
        mutation {
        trainingPass{
        addContentToPassType(input:{
        trainingPassTypeId: "VHJhaW5pbmdQYXNzVHlwZToy"
        courseIds: ["Q291cnNlVGVtcGxhdGU6MTE="]
        pathIds: ["TGVhcm5pbmdQYXRoOjE="]
        }) {
        errors{
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string RemoveContent = """
        mutation {
        trainingPass{
        removeContentFromPassType(input:{
        trainingPassTypeId: "VHJhaW5pbmdQYXNzVHlwZToy"
        courseIds: ["Q291cnNlVGVtcGxhdGU6MTE="]
        pathIds: ["TGVhcm5pbmdQYXRoOjE="]
        }) {
        errors{
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string CreateOption = """
        mutation{
        trainingPass{
        createTypeOption(input:{
        trainingPassTypeId: "VHJhaW5pbmdQYXNzVHlwZToy"
        name: "Monthly"
        validityPeriod: {
        unit: months,
        value: 1
        }
        }) {
        trainingPassTypeOption{
        id
        lifecycleState
        }
        errors {
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string CreateOptionResponse = """
        {
        "data": {
        "trainingPass": {
        "createTypeOption": {
        "trainingPassTypeOption": {
        "id": "VHJhaW5pbmdQYXNzVHlwZU9wdGlvbjoy",
        "lifecycleState": "draft"
        },
        "errors": []
        }
        }
        }
        }
        """;

    private const string CreatePrice = """
        mutation{
        trainingPass{
        createTypeOptionPrice(input:{
        trainingPassTypeOptionId: "VHJhaW5pbmdQYXNzVHlwZU9wdGlvbjoy"
        regionId: "UmVnaW9uOkRS"
        currencyCode: "USD"
        amount: "99.90"
        }) {
        trainingPassTypeOptionPrice{
        id
        }
        errors {
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string PublishOption = """
        mutation{
        trainingPass{
        updateTypeOption(input:{
        trainingPassTypeOptionId: "VHJhaW5pbmdQYXNzVHlwZU9wdGlvbjoy"
        lifecycleState: published
        }) {
        trainingPassTypeOption{
        id
        lifecycleState
        }
        errors {
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string PublishType = """
        mutation{
        trainingPass{
        updateType(input:{
        trainingPassTypeId: "VHJhaW5pbmdQYXNzVHlwZToy"
        lifecycleState: published
        }) {
        trainingPassType{
        id
        lifecycleState
        options{
        edges{
        node{
        name
        prices{
        edges{
        node{
        financialUnit{
        name
        }
        amount
        }
        }
        }
        }
        }
        }
        }
        errors {
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string PublishTypeResponse = """
        {
        "data": {
        "trainingPass": {
        "updateType": {
        "trainingPassType": {
        "id": "VHJhaW5pbmdQYXNzVHlwZToy",
        "lifecycleState": "published",
        "options": {
        "edges": [
        {
        "node": {
        "name": "Monthly",
        "prices": {
        "edges": [
        {
        "node": {
        "financialUnit": {
        "name": "U.S. Dollars"
        },
        "amount": "99.90"
        }
        }
        ]
        }
        }
        }
        ]
        }
        },
        "errors": []
        }
        }
        }
        }
        """;

    private const string Issue = """
        mutation {
        trainingPass{
        issuePass(input:{
        trainingPassTypeId: "VHJhaW5pbmdQYXNzVHlwZToy"
        trainingPassTypeOptionId: "VHJhaW5pbmdQYXNzVHlwZU9wdGlvbjoy"
        contactId: "UGVyc29uOjM1"
        validFrom: "2023-05-01T00:00:00Z"
        validUntil: "2023-06-01T00:00:00Z"
        }){
        trainingPass{
        id
        validFrom
        validUntil
        }
        errors{
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string Renew = """
        mutation {
        trainingPass{
        renewPass(input:{
        trainingPassId: "VHJhaW5pbmdQYXNzOjI="
        trainingPassTypeOptionId: "VHJhaW5pbmdQYXNzVHlwZU9wdGlvbjoy"
        validUntil: "2023-07-01T00:00:00Z"
        }){
        trainingPass{
        id
        validFrom
        validUntil
        }
        errors{
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string Revoke = """
        mutation {
        trainingPass{
        revokePass(input:{
        trainingPassId: "VHJhaW5pbmdQYXNzOjI="
        }){
        trainingPass{
        id
        lifecycleState
        validFrom
        validUntil
        }
        errors{
        label
        message
        value
        }
        }
        }
        }
        """;

    private const string RevokeResponse = """
        {
        "data": {
        "trainingPass": {
        "revokePass": {
        "trainingPass": {
        "id": "VHJhaW5pbmdQYXNzOjI=",
        "lifecycleState": "cancelled",
        "validFrom": "2023-05-01T00:00:00Z",
        "validUntil": "2023-07-01T00:00:00Z"
        },
        "errors": []
        }
        }
        }
        }
        """;

    [Fact]
    public async Task EveryExampleRunsAsWrittenAndAnswersAsShown()
    {
        AssertSame(SearchResponse, await App.GraphQLAsync(Search));
        AssertSame(CreateResponse, await App.GraphQLAsync(Create));

        AssertNoErrors(await App.GraphQLAsync(AddContent), "addContentToPassType");
        Assert.Equal(["CourseTemplate:HS-110", "LearningPath:First Aid"], await ContentOfSilverAsync());
        AssertNoErrors(await App.GraphQLAsync(RemoveContent), "removeContentFromPassType");
        Assert.Empty(await ContentOfSilverAsync());

        AssertSame(CreateOptionResponse, await App.GraphQLAsync(CreateOption));

        var price = await App.GraphQLAsync(CreatePrice);
        AssertNoErrors(price, "createTypeOptionPrice");
        Assert.Equal("VHJhaW5pbmdQYXNzVHlwZU9wdGlvblByaWNlOjI=", price["data"]!["trainingPass"]!["createTypeOptionPrice"]!["trainingPassTypeOptionPrice"]!["id"]!.GetValue<string>());

        var option = await App.GraphQLAsync(PublishOption);
        AssertNoErrors(option, "updateTypeOption");
        Assert.Equal("published", option["data"]!["trainingPass"]!["updateTypeOption"]!["trainingPassTypeOption"]!["lifecycleState"]!.GetValue<string>());

        AssertSame(PublishTypeResponse, await App.GraphQLAsync(PublishType));

        var issued = await App.GraphQLAsync(Issue);
        AssertNoErrors(issued, "issuePass");
        AssertSame(
            """{"id": "VHJhaW5pbmdQYXNzOjI=", "validFrom": "2023-05-01T00:00:00Z", "validUntil": "2023-06-01T00:00:00Z"}""",
            issued["data"]!["trainingPass"]!["issuePass"]!["trainingPass"]);

        var renewed = await App.GraphQLAsync(Renew);
        AssertNoErrors(renewed, "renewPass");
        AssertSame(
            """{"id": "VHJhaW5pbmdQYXNzOjI=", "validFrom": "2023-05-01T00:00:00Z", "validUntil": "2023-07-01T00:00:00Z"}""",
            renewed["data"]!["trainingPass"]!["renewPass"]!["trainingPass"]);

        AssertSame(RevokeResponse, await App.GraphQLAsync(Revoke));
    }

    [Fact]
    public async Task TheSearchExampleShowsTheNewTypeOnceItIsPublished()
    {
        foreach (var step in new[] { Create, CreateOption, CreatePrice, PublishOption, PublishType })
        {
            await App.GraphQLAsync(step);
        }

        var result = await App.GraphQLAsync(Search);

        var names = result["data"]!["trainingPassTypes"]!["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>());
        Assert.Equal(["Gold pass", "Silver pass"], names);
    }

    private async Task<List<string>> ContentOfSilverAsync()
    {
        var result = await App.GraphQLAsync("""
            { node(id: "VHJhaW5pbmdQYXNzVHlwZToy") { ... on TrainingPassType { content { edges { node {
              __typename ... on CourseTemplate { code } ... on LearningPath { name } } } } } } }
            """);
        return result["data"]!["node"]!["content"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!)
            .Select(n => n["__typename"]!.GetValue<string>() + ":" + (n["code"] ?? n["name"])!.GetValue<string>())
            .ToList();
    }

    private static void AssertSame(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {TestApp.Json(JsonNode.Parse(expected))}\nbut got  {TestApp.Json(actual)}");

    private static void AssertNoErrors(JsonNode result, string operation)
    {
        Assert.Null(result["errors"]);
        Assert.Equal("[]", TestApp.Json(result["data"]!["trainingPass"]![operation]!["errors"]));
    }

    public sealed class OnSqlite() : SeedExampleTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SeedExampleTests(DatabaseProvider.Postgres);
}
