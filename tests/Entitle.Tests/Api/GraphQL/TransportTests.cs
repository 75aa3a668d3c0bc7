using System.Net;
using System.Text.Json.Nodes;
using Entitle.Api.GraphQL;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>HTTP behaviour: status codes, GET for queries, unreadable requests, limits, lower-case enums.</summary>
public abstract class TransportTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    [Fact]
    public async Task ADocumentThatDoesNotValidateAnswers200WithErrorsAndNoData()
    {
        using var response = await App.PostGraphQLAsync("{ trainingPassTypes { edges { node { nickname } } } }");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("nickname", body.Text("errors.0.message"), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task EnumsAreLowerCaseAsInTheSeed()
    {
        var upper = await App.GraphQLAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", name: \"x\", validityPeriod: {{unit: MONTHS, value: 1}}}}) {{ errors {{ label }} }} }} }}");
        var upperOperation = await App.GraphQLAsync("""{ trainingPassTypes(filters: [{field: lifecycleState, operation: EQ, value: "published"}]) { edges { node { id } } } }""");
        var lower = await App.GraphQLAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", name: \"x\", validityPeriod: {{unit: months, value: 1}}}}) {{ trainingPassTypeOption {{ validityPeriod {{ unit value }} lifecycleState }} errors {{ label }} }} }} }}");

        Assert.True(upper.IsNull("data"));
        Assert.True(upperOperation.IsNull("data"));
        Assert.Equal("""{"unit":"months","value":1}""", TestApp.Json(lower.At("data.trainingPass.createTypeOption.trainingPassTypeOption.validityPeriod")));
        Assert.Equal("draft", lower.Text("data.trainingPass.createTypeOption.trainingPassTypeOption.lifecycleState"));
    }

    [Fact]
    public async Task QueriesMayBeSentWithGetButMutationsMayNot()
    {
        var query = Uri.EscapeDataString("query($id: ID!) { node(id: $id) { ... on TrainingPassType { name } } }");
        var variables = Uri.EscapeDataString($$"""{"id": "{{Ids.Type(1)}}"}""");
        var get = await GetAsync($"/graphql?query={query}&variables={variables}");
        Assert.Equal("Gold pass", get.Text("data.node.name"));

        var mutation = Uri.EscapeDataString("mutation { trainingPass { createType(input: {code: \"G\", name: \"Via GET\"}) { errors { label } } } }");
        var refused = await GetAsync($"/graphql?query={mutation}");
        Assert.Contains("POST", refused.Text("errors.0.message"), StringComparison.Ordinal);
        Assert.True(refused.IsNull("data"));
        var types = await App.GraphQLAsync("{ trainingPassTypes { pageInfo { totalRecords } } }");
        Assert.Equal(1, types.At("data.trainingPassTypes.pageInfo.totalRecords").GetValue<int>());
    }

    /// <summary>
    /// A document that passed validation is kept and not run through the document-only rules again; what depends on
    /// the request (the variables, the costs they lead to, GET's read-only rule) is still checked every time.
    /// </summary>
    [Fact]
    public async Task AKnownDocumentIsStillCheckedForWhatDependsOnTheRequest()
    {
        var kept = App.Services.GetRequiredService<ValidatedDocuments>();
        const string Read = "query($id: ID!) { node(id: $id) { ... on TrainingPassType { name } } }";
        var before = kept.Count;
        Assert.Equal("Gold pass", (await App.GraphQLAsync(Read, new { id = Ids.Type(1) })).Text("data.node.name"));
        Assert.Equal(before + 1, kept.Count);
        Assert.Equal("Gold pass", (await App.GraphQLAsync(Read, new { id = Ids.Type(1) })).Text("data.node.name"));
        Assert.Equal(before + 1, kept.Count);

        var missing = await App.GraphQLAsync(Read, new { other = 1 });
        Assert.True(missing.IsNull("data"));
        Assert.Contains("$id", missing.Text("errors.0.message"), StringComparison.Ordinal);
        var wrongType = await App.GraphQLAsync(Read, new { id = new[] { 1, 2 } });
        Assert.True(wrongType.IsNull("data"));

        const string Costly = "query($n: Int) { trainingPassTypes(first: $n) { edges { node { options(first: $n) { edges { node { prices(first: $n) { edges { node { trainingPassTypeOption { trainingPassType { options(first: $n) { edges { node { id } } } } } } } } } } } } } } }";
        var cheap = await App.GraphQLAsync(Costly, new { n = 1 });
        Assert.False(cheap.IsNull("data"));
        var costly = await App.GraphQLAsync(Costly, new { n = 100 });
        Assert.True(costly.IsNull("data"));
        Assert.Contains("complexity", costly.Text("errors.0.message"), StringComparison.OrdinalIgnoreCase);

        const string Change = "mutation($code: String!) { trainingPass { createType(input: {code: $code, name: \"Kept\"}) { errors { label } } } }";
        Assert.Empty((await App.GraphQLAsync(Change, new { code = "K1" })).At("data.trainingPass.createType.errors").AsArray());
        var viaGet = await GetAsync($"/graphql?query={Uri.EscapeDataString(Change)}&variables={Uri.EscapeDataString("""{"code": "K2"}""")}");
        Assert.Contains("POST", viaGet.Text("errors.0.message"), StringComparison.Ordinal);
        Assert.True(viaGet.IsNull("data"));
    }

    /// <summary>
    /// A known document runs only the rules its variables can move (ValidatedDocuments): none for a course launch's
    /// access check, the complexity limit again for one whose directives or page sizes come from variables.
    /// </summary>
    [Fact]
    public async Task AKnownDocumentIsMeasuredAgainOnlyWhenItsVariablesCanMoveItsCost()
    {
        var kept = App.Services.GetRequiredService<ValidatedDocuments>();
        const string Check = "query($c: ID!, $t: ID!) { contentAccess(contactId: $c, contentId: $t) { granted reason } }";
        var first = await App.GraphQLAsync(Check, new { c = Ids.Person(31), t = Ids.Course(1) });
        Assert.False(first.IsNull("data.contentAccess"));
        Assert.Empty(kept.Find(Check, null)!.Rules);
        Assert.Equal(first.Text("data.contentAccess.reason"), (await App.GraphQLAsync(Check, new { c = Ids.Person(31), t = Ids.Course(1) })).Text("data.contentAccess.reason"));

        const string Gated = "query($all: Boolean!) { trainingPassTypes(first: 100) { edges { node { id ... on TrainingPassType @include(if: $all) { options(first: 100) { edges { node { prices(first: 100) { edges { node { trainingPassTypeOption { trainingPassType { options(first: 100) { edges { node { id } } } } } } } } } } } } } } } }";
        var cheap = await App.GraphQLAsync(Gated, new { all = false });
        Assert.False(cheap.IsNull("data"), cheap.ToJsonString());
        Assert.NotEmpty(kept.Find(Gated, null)!.Rules);
        var costly = await App.GraphQLAsync(Gated, new { all = true });
        Assert.True(costly.IsNull("data"));
        Assert.Contains("complexity", costly.Text("errors.0.message"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnreadableRequestsGetA4xxInTheSameErrorsShape()
    {
        await AssertRefusedAsync(await App.PostRawAsync("/graphql", "{\"query\": ", "application/json"), HttpStatusCode.BadRequest, "not a GraphQL request");
        await AssertRefusedAsync(await App.PostRawAsync("/graphql", "[1, 2]", "application/json"), HttpStatusCode.BadRequest, "not a GraphQL request");
        await AssertRefusedAsync(await App.PostRawAsync("/graphql", "{\"variables\": {}}", "application/json"), HttpStatusCode.BadRequest, "no query");
        await AssertRefusedAsync(await App.PostRawAsync("/graphql", "{ currencies { pageInfo { totalRecords } } }", "text/plain"), HttpStatusCode.UnsupportedMediaType, "application/json");
        var huge = "{\"query\": \"{ currencies { pageInfo { totalRecords } } }\", \"variables\": {\"pad\": \"" + new string('x', 300_000) + "\"}}";
        await AssertRefusedAsync(await App.PostRawAsync("/graphql", huge, "application/json"), HttpStatusCode.RequestEntityTooLarge, "larger than");

        using var invalidUtf8 = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent([0x7B, 0x22, 0x71, 0xC3, 0x28, 0x22, 0x7D]) };
        invalidUtf8.Content.Headers.ContentType = new("application/json");
        invalidUtf8.Headers.Authorization = new("Bearer", TestApp.RootKey);
        await AssertRefusedAsync(await App.Http.SendAsync(invalidUtf8), HttpStatusCode.BadRequest, "not a GraphQL request");
    }

    [Fact]
    public async Task ABodySentInPiecesWithoutALengthIsReadWholeAndStillLimited()
    {
        // A character of two bytes falls on a piece's edge: the body is decoded whole, not piece by piece.
        var document = "{\"query\": \"{ currencies { pageInfo { totalRecords } } } # caf\u00e9\"}";
        var bytes = System.Text.Encoding.UTF8.GetBytes(document);
        var piece = System.Text.Encoding.UTF8.GetByteCount(document[..document.IndexOf('\u00e9', StringComparison.Ordinal)]) + 1;
        using var whole = await SendInPiecesAsync(bytes, piece);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.NotNull(JsonNode.Parse(await whole.Content.ReadAsStringAsync())!["data"]!["currencies"]!["pageInfo"]!["totalRecords"]);

        var limit = new GraphQLLimits().MaxRequestBytes;
        var tooLarge = System.Text.Encoding.UTF8.GetBytes("{\"query\": \"{ currencies { pageInfo { totalRecords } } } #" + new string('x', limit) + "\"}");
        await AssertRefusedAsync(await SendInPiecesAsync(tooLarge, 4096), HttpStatusCode.RequestEntityTooLarge, "larger than");

        await AssertRefusedAsync(await SendInPiecesAsync([0x7B, 0x22, 0x71, 0xC3, 0x28, 0x22, 0x7D], 3), HttpStatusCode.BadRequest, "not a GraphQL request");
    }

    private async Task<HttpResponseMessage> SendInPiecesAsync(byte[] body, int pieceBytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new PiecewiseContent(body, pieceBytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", TestApp.RootKey);
        Assert.Null(request.Content.Headers.ContentLength);
        return await App.Http.SendAsync(request);
    }

    [Fact]
    public async Task DeepAndCostlyDocumentsAreRefusedBeforeTheyRun()
    {
        const int Levels = 6;
        var deep = "{ trainingPasses { edges { node { trainingPassType { "
            + string.Concat(Enumerable.Repeat("options { edges { node { trainingPassType { ", Levels))
            + "id" + new string('}', 4 * Levels + 5);
        var deepAnswer = await App.GraphQLAsync(deep);
        Assert.True(deepAnswer.IsNull("data"));
        Assert.Contains("depth", deepAnswer.Text("errors.0.message"), StringComparison.OrdinalIgnoreCase);

        var wide = "{ trainingPassTypes(first: 100) { edges { node { options(first: 100) { edges { node { prices(first: 100) { edges { node { trainingPassTypeOption { trainingPassType { options(first: 100) { edges { node { id } } } } } } } } } } } } } } }";
        var wideAnswer = await App.GraphQLAsync(wide);
        Assert.True(wideAnswer.IsNull("data"));
        Assert.Contains("complex", wideAnswer.Text("errors.0.message"), StringComparison.OrdinalIgnoreCase);

        // As docs/graphql-api.md says: nested connections left at their default page multiply up past the limit, and
        // the same document with small pages runs.
        const string Nested = "{ contacts(first: 100) { edges { node { id trainingPasses%P { edges { node { id trainingPassType { options%P { edges { node { name prices%P { edges { node { amount } } } } } } } } } } } } } }";
        Assert.Contains("complex", (await App.GraphQLAsync(Nested.Replace("%P", "", StringComparison.Ordinal))).Text("errors.0.message"), StringComparison.OrdinalIgnoreCase);
        var small = await App.GraphQLAsync(Nested.Replace("%P", "(first: 5)", StringComparison.Ordinal));
        Assert.False(small.IsNull("data.contacts"), small.ToJsonString());
    }

    [Fact]
    public async Task DocumentsWithMoreFieldsOrAliasesThanTheLimitsAreRefused()
    {
        static string Aliases(int count) => "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}: __typename ")) + "}";
        static string Fields(int count) => "{ " + string.Concat(Enumerable.Repeat("__typename ", count)) + "}";

        Assert.Equal(100, (await App.GraphQLAsync(Aliases(100)))["data"]!.AsObject().Count);
        Assert.Equal("Query", (await App.GraphQLAsync(Fields(1000))).Text("data.__typename"));

        foreach (var document in new[] { Aliases(101), Fields(1001) })
        {
            var answer = await App.GraphQLAsync(document);
            Assert.True(answer.IsNull("data"));
            Assert.Equal("DOCUMENT_TOO_LARGE", answer.Text("errors.0.extensions.code"));
            Assert.Contains("at most 1000 fields and 100 aliases", answer.Text("errors.0.message"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VariablesAndNamedInputTypesWorkAsClientsWriteThem()
    {
        var result = await SucceedsAsync(
            "mutation ($input: TrainingPassTypeInput!) { trainingPass { createType(input: $input) { trainingPassType { id code name description lifecycleState } errors { label message value } } } }",
            variables: new { input = new { code = "Silver", name = "Silver pass", description = "Everything but the gold." } });

        Assert.Equal("Everything but the gold.", result.Text("trainingPassType.description"));
        Assert.Equal("draft", result.Text("trainingPassType.lifecycleState"));
    }

    [Fact]
    public async Task AnswersAreWrittenWithoutNeedlessEscapes()
    {
        await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"S+\", name: \"Silver's pass\"}) { trainingPassType { id } errors { label } } } }");

        using var response = await App.PostGraphQLAsync("{ trainingPassTypes(filters: [{field: code, operation: eq, value: \"S+\"}]) { edges { node { code name } } } }");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"name\":\"Silver's pass\"", text, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"S+\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAnswersOnceTheDatabaseIsReachable()
    {
        Assert.Equal("ok", await App.Http.GetStringAsync("/healthz"));
        Assert.Equal("ready", await App.Http.GetStringAsync("/readyz"));
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string words)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Contains(words, body.Text("errors.0.message"), StringComparison.Ordinal);
        }
    }

    public sealed class OnSqlite() : TransportTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TransportTests(DatabaseProvider.Postgres);
}
