using System.Net;
using System.Text.Json.Nodes;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>
/// A credential acts for its organization's subtree only: a sibling can neither read nor change another's rows,
/// through any root, node or mutation, and cannot even tell whether an id exists.
/// </summary>
public abstract class TenancyTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    [Fact]
    public async Task NoOrAnUnknownBearerCredentialIsRefusedWith401()
    {
        foreach (var credential in new[] { null, "", "wrong", TestApp.RootKey + "x", new string('k', 5000) })
        {
            using var response = await App.PostGraphQLAsync("{ trainingPassTypes { edges { node { id } } } }", credential: credential);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Contains("Authentication failed", body.Text("errors.0.message"), StringComparison.Ordinal);
        }

        using var basic = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContentOf("{ currencies { pageInfo { totalRecords } } }") };
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic " + TestApp.RootKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Http.SendAsync(basic)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Http.GetAsync("/graphql?query={currencies{pageInfo{totalRecords}}}")).StatusCode);
    }

    [Fact]
    public async Task ASiblingSeesNoneOfAnothersRowsThroughAnyRoot()
    {
        var a = await ArrangeOrganizationAsync("Alpha");
        var (_, bKey) = await App.CreateAccountAsync("Bravo");

        var lists = await App.GraphQLAsync("""
            { trainingPassTypes(first: 100) { edges { node { id } } }
              trainingPasses(first: 100) { edges { node { id } } }
              contacts(first: 100) { edges { node { id } } }
              accounts(first: 100) { edges { node { id } } }
              courseTemplates(first: 100) { edges { node { id } } }
              learningPaths(first: 100) { edges { node { id } } } }
            """, credential: bKey);

        var seen = lists.ToJsonString();
        foreach (var id in a.AllIds)
        {
            Assert.DoesNotContain(id, seen, StringComparison.Ordinal);
        }

        // Ancestors' pass types and catalog are visible, read-only; their passes, contacts and accounts are not.
        Assert.Contains(Ids.Type(1), lists.Ids("data.trainingPassTypes"));
        Assert.Equal(12, lists.Ids("data.courseTemplates").Count);
        Assert.Empty(lists.Ids("data.trainingPasses"));
        Assert.Empty(lists.Ids("data.contacts"));
        Assert.Single(lists.Ids("data.accounts"));

        var filtered = await App.GraphQLAsync($$"""{ trainingPasses(filters: [{field: contactId, operation: eq, value: "{{a.Contact}}"}]) { edges { node { id } } pageInfo { totalRecords } } }""", credential: bKey);
        Assert.Equal(0, filtered.At("data.trainingPasses.pageInfo.totalRecords").GetValue<int>());
    }

    [Fact]
    public async Task NodeAnswersAForeignIdExactlyLikeAnUnknownOne()
    {
        var a = await ArrangeOrganizationAsync("Alpha");
        var (_, bKey) = await App.CreateAccountAsync("Bravo");

        foreach (var (foreign, unknown) in a.IdsWithUnknownTwins())
        {
            var foreignAnswer = await App.GraphQLAsync($"{{ node(id: \"{foreign}\") {{ id }} }}", credential: bKey);
            var unknownAnswer = await App.GraphQLAsync($"{{ node(id: \"{unknown}\") {{ id }} }}", credential: bKey);

            Assert.True(foreignAnswer.IsNull("data.node"), foreign);
            Assert.Equal(TestApp.Json(unknownAnswer), TestApp.Json(foreignAnswer));
        }

        var own = await App.GraphQLAsync($"{{ node(id: \"{a.Pass}\") {{ id }} }}", credential: a.Key);
        Assert.Equal(a.Pass, own.Text("data.node.id"));
    }

    [Fact]
    public async Task ASiblingCanChangeNoneOfAnothersRowsAndLearnsNothingFromTheRefusal()
    {
        var a = await ArrangeOrganizationAsync("Alpha");
        var (_, bKey) = await App.CreateAccountAsync("Bravo");
        var bContact = (await SucceedsAsync("mutation { contact { create(input: {personalName: {firstName: \"Bea\", lastName: \"Bravo\"}}) { contact { id } errors { label } } } }", bKey)).Text("contact.id");

        (string Template, string Foreign, string Unknown, string Label)[] attempts =
        [
            ("mutation { trainingPass { updateType(input: {trainingPassTypeId: \"ID\", name: \"x\"}) { trainingPassType { id } errors { label message value } } } }", a.Type, Ids.Type(999), "trainingPassTypeId"),
            ("mutation { trainingPass { addContentToPassType(input: {trainingPassTypeId: \"ID\", courseIds: []}) { trainingPassType { id } errors { label message value } } } }", a.Type, Ids.Type(999), "trainingPassTypeId"),
            ("mutation { trainingPass { removeContentFromPassType(input: {trainingPassTypeId: \"ID\", courseIds: []}) { trainingPassType { id } errors { label message value } } } }", a.Type, Ids.Type(999), "trainingPassTypeId"),
            ("mutation { trainingPass { createTypeOption(input: {trainingPassTypeId: \"ID\", name: \"x\", validityPeriod: {unit: days, value: 1}}) { trainingPassTypeOption { id } errors { label message value } } } }", a.Type, Ids.Type(999), "trainingPassTypeId"),
            ("mutation { trainingPass { updateTypeOption(input: {trainingPassTypeOptionId: \"ID\", name: \"x\"}) { trainingPassTypeOption { id } errors { label message value } } } }", a.Option, Ids.Option(999), "trainingPassTypeOptionId"),
            ("mutation { trainingPass { createTypeOptionPrice(input: {trainingPassTypeOptionId: \"ID\", currencyCode: \"EUR\", amount: \"1.00\"}) { trainingPassTypeOptionPrice { id } errors { label message value } } } }", a.Option, Ids.Option(999), "trainingPassTypeOptionId"),
            ("mutation { trainingPass { updateTypeOptionPrice(input: {trainingPassTypeOptionPriceId: \"ID\", amount: \"1.00\"}) { trainingPassTypeOptionPrice { id } errors { label message value } } } }", a.Price, Ids.Price(999), "trainingPassTypeOptionPriceId"),
            ("mutation { trainingPass { deleteTypeOptionPrice(input: {trainingPassTypeOptionPriceId: \"ID\"}) { trainingPassTypeOptionPrice { id } errors { label message value } } } }", a.Price, Ids.Price(999), "trainingPassTypeOptionPriceId"),
            ($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"ID\", trainingPassTypeOptionId: \"{a.Option}\", contactId: \"{bContact}\"}}) {{ trainingPass {{ id }} errors {{ label message value }} }} }} }}", a.Type, Ids.Type(999), "trainingPassTypeId"),
            ($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"ID\"}}) {{ trainingPass {{ id }} errors {{ label message value }} }} }} }}", a.Contact, Ids.Person(999), "contactId"),
            ("mutation { trainingPass { renewPass(input: {trainingPassId: \"ID\"}) { trainingPass { id } errors { label message value } } } }", a.Pass, Ids.Pass(999), "trainingPassId"),
            ("mutation { trainingPass { revokePass(input: {trainingPassId: \"ID\"}) { trainingPass { id } errors { label message value } } } }", a.Pass, Ids.Pass(999), "trainingPassId"),
            ($"mutation {{ trainingPass {{ reassignPass(input: {{trainingPassId: \"ID\", contactId: \"{bContact}\"}}) {{ trainingPass {{ id }} errors {{ label message value }} }} }} }}", a.Pass, Ids.Pass(999), "trainingPassId"),
            ("mutation { contact { update(input: {contactId: \"ID\", emailAddress: \"x@y.z\"}) { contact { id } errors { label message value } } } }", a.Contact, Ids.Person(999), "contactId"),
            ($"mutation {{ contact {{ update(input: {{contactId: \"{bContact}\", accountId: \"ID\"}}) {{ contact {{ id }} errors {{ label message value }} }} }} }}", a.Account, Ids.Account(999), "accountId"),
            ("mutation { contact { create(input: {personalName: {firstName: \"x\", lastName: \"y\"}, accountId: \"ID\"}) { contact { id } errors { label message value } } } }", a.Account, Ids.Account(999), "accountId"),
            ("mutation { courseTemplate { update(input: {courseTemplateId: \"ID\", title: \"x\"}) { courseTemplate { id } errors { label message value } } } }", a.Course, Ids.Course(999), "courseTemplateId"),
            ("mutation { learningPaths { update(input: {learningPathId: \"ID\", name: \"x\"}) { learningPath { id } errors { label message value } } } }", a.Path, Ids.Path(999), "learningPathId"),
            ("mutation { learningPaths { create(input: {code: \"P\", name: \"x\", courseIds: [\"ID\"]}) { learningPath { id } errors { label message value } } } }", a.Course, Ids.Course(999), "courseIds"),
            ("mutation { account { update(input: {accountId: \"ID\", name: \"x\"}) { account { id } errors { label message value } } } }", a.Account, Ids.Account(999), "accountId"),
            ("mutation { account { create(input: {name: \"x\", parentId: \"ID\"}) { account { id } errors { label message value } } } }", a.Account, Ids.Account(999), "parentId"),
        ];

        foreach (var (template, foreign, unknown, label) in attempts)
        {
            var foreignError = await RefusedAsync(template.Replace("ID", foreign, StringComparison.Ordinal), label, bKey);
            var unknownError = await RefusedAsync(template.Replace("ID", unknown, StringComparison.Ordinal), label, bKey);
            Assert.Equal(unknownError["message"]!.GetValue<string>(), foreignError["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task AParentSeesAndManagesItsChildrensRows()
    {
        var a = await ArrangeOrganizationAsync("Alpha");

        var lists = await App.GraphQLAsync("{ trainingPasses(first: 100) { edges { node { id } } } contacts(first: 100) { pageInfo { totalRecords } } }");
        Assert.Contains(a.Pass, lists.Ids("data.trainingPasses"));
        Assert.Equal(11, lists.At("data.contacts.pageInfo.totalRecords").GetValue<int>());

        await SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{a.Pass}\"}}) {{ trainingPass {{ lifecycleState }} errors {{ label }} }} }} }}");
    }

    private async Task<Organization> ArrangeOrganizationAsync(string name)
    {
        var (account, key) = await App.CreateAccountAsync(name);
        var contact = (await SucceedsAsync("mutation { contact { create(input: {personalName: {firstName: \"Al\", lastName: \"Pha\"}, emailAddress: \"al@alpha.test\"}) { contact { id } errors { label } } } }", key)).Text("contact.id");
        var course = (await SucceedsAsync("mutation { courseTemplate { create(input: {code: \"AL-1\", title: \"Alpha basics\", lifecycleState: published}) { courseTemplate { id } errors { label } } } }", key)).Text("courseTemplate.id");
        var path = (await SucceedsAsync($"mutation {{ learningPaths {{ create(input: {{code: \"AL-P\", name: \"Alpha path\", courseIds: [\"{course}\"]}}) {{ learningPath {{ id }} errors {{ label }} }} }} }}", key)).Text("learningPath.id");
        var type = (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"ALPHA\", name: \"Alpha pass\"}) { trainingPassType { id } errors { label } } } }", key)).Text("trainingPassType.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ addContentToPassType(input: {{trainingPassTypeId: \"{type}\", courseIds: [\"{course}\"], pathIds: [\"{path}\"]}}) {{ trainingPassType {{ id }} errors {{ label }} }} }} }}", key);
        var option = (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{type}\", name: \"Monthly\", validityPeriod: {{unit: months, value: 1}}}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}", key)).Text("trainingPassTypeOption.id");
        var price = (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOptionPrice(input: {{trainingPassTypeOptionId: \"{option}\", currencyCode: \"EUR\", amount: \"10.00\"}}) {{ trainingPassTypeOptionPrice {{ id }} errors {{ label }} }} }} }}", key)).Text("trainingPassTypeOptionPrice.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{option}\", lifecycleState: published}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}", key);
        await SucceedsAsync($"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{type}\", lifecycleState: published}}) {{ trainingPassType {{ id }} errors {{ label }} }} }} }}", key);
        var pass = (await SucceedsAsync($"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{type}\", trainingPassTypeOptionId: \"{option}\", contactId: \"{contact}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}", key)).Text("trainingPass.id");
        return new Organization(key, account, contact, course, path, type, option, price, pass);
    }

    private static StringContent JsonContentOf(string query) =>
        new(new JsonObject { ["query"] = query }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private sealed record Organization(string Key, string Account, string Contact, string Course, string Path, string Type, string Option, string Price, string Pass)
    {
        public IEnumerable<string> AllIds => [Account, Contact, Course, Path, Type, Option, Price, Pass];

        public IEnumerable<(string Foreign, string Unknown)> IdsWithUnknownTwins() =>
        [
            (Account, Ids.Account(999)), (Contact, Ids.Person(999)), (Course, Ids.Course(999)), (Path, Ids.Path(999)),
            (Type, Ids.Type(999)), (Option, Ids.Option(999)), (Price, Ids.Price(999)), (Pass, Ids.Pass(999)),
        ];
    }

    public sealed class OnSqlite() : TenancyTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TenancyTests(DatabaseProvider.Postgres);
}
