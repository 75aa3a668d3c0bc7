using System.Text.Json.Nodes;
using Entitle.Domain.Contacts;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>Connections: paging by cursor and offset, totalRecords, the page cap, every filter operation, ordering.</summary>
public abstract class ListTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    [Fact]
    public async Task PagesThroughACatalogWithAfterCursors()
    {
        var first = await App.GraphQLAsync("{ courseTemplates(first: 5) { edges { cursor node { legacyId } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage totalRecords } } }");
        Assert.Equal(["1", "2", "3", "4", "5"], first.Ids("data.courseTemplates", "legacyId"));
        AssertPageInfo(first.At("data.courseTemplates.pageInfo"), Cursor(0), Cursor(4), hasNext: true, hasPrevious: false, total: 12);
        Assert.Equal(Cursor(2), first.Text("data.courseTemplates.edges.2.cursor"));

        var second = await App.GraphQLAsync($"{{ courseTemplates(first: 5, after: \"{Cursor(4)}\") {{ edges {{ node {{ legacyId }} }} pageInfo {{ startCursor endCursor hasNextPage hasPreviousPage totalRecords }} }} }}");
        Assert.Equal(["6", "7", "8", "9", "10"], second.Ids("data.courseTemplates", "legacyId"));
        AssertPageInfo(second.At("data.courseTemplates.pageInfo"), Cursor(5), Cursor(9), hasNext: true, hasPrevious: true, total: 12);

        var last = await App.GraphQLAsync($"{{ courseTemplates(first: 5, after: \"{Cursor(9)}\") {{ edges {{ node {{ legacyId }} }} pageInfo {{ startCursor endCursor hasNextPage hasPreviousPage totalRecords }} }} }}");
        Assert.Equal(["11", "12"], last.Ids("data.courseTemplates", "legacyId"));
        AssertPageInfo(last.At("data.courseTemplates.pageInfo"), Cursor(10), Cursor(11), hasNext: false, hasPrevious: true, total: 12);

        var beyond = await App.GraphQLAsync($"{{ courseTemplates(after: \"{Cursor(11)}\") {{ edges {{ node {{ legacyId }} }} pageInfo {{ startCursor endCursor hasNextPage totalRecords }} }} }}");
        Assert.Empty(beyond.Ids("data.courseTemplates", "legacyId"));
        Assert.True(beyond.IsNull("data.courseTemplates.pageInfo.startCursor"));
        Assert.Equal(12, beyond.At("data.courseTemplates.pageInfo.totalRecords").GetValue<int>());
    }

    [Fact]
    public async Task AListIsCountedOnlyWhenPageInfoIsAskedForThroughAFragmentToo()
    {
        static bool Counts(IEnumerable<string> statements) => statements.Any(sql => sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase));

        App.Statements.Reset();
        var plain = await App.GraphQLAsync("{ courseTemplates(first: 5) { edges { node { legacyId } } } }");
        Assert.Equal(["1", "2", "3", "4", "5"], plain.Ids("data.courseTemplates", "legacyId"));
        Assert.False(Counts(App.Statements.Statements));

        App.Statements.Reset();
        var counted = await App.GraphQLAsync("{ courseTemplates(first: 5) { ...Paged } } fragment Paged on CourseTemplateConnection { pageInfo { hasNextPage totalRecords } }");
        Assert.Equal(12, counted.At("data.courseTemplates.pageInfo.totalRecords").GetValue<int>());
        Assert.True(counted.At("data.courseTemplates.pageInfo.hasNextPage").GetValue<bool>());
        Assert.True(Counts(App.Statements.Statements));
    }

    [Fact]
    public async Task PagesWithOffsetAloneAndAfterACursor()
    {
        var byOffset = await App.GraphQLAsync("{ courseTemplates(first: 4, offset: 4) { edges { cursor node { legacyId } } pageInfo { hasPreviousPage } } }");
        Assert.Equal(["5", "6", "7", "8"], byOffset.Ids("data.courseTemplates", "legacyId"));
        Assert.Equal(Cursor(4), byOffset.Text("data.courseTemplates.edges.0.cursor"));
        Assert.True(byOffset.At("data.courseTemplates.pageInfo.hasPreviousPage").GetValue<bool>());

        var both = await App.GraphQLAsync($"{{ courseTemplates(first: 2, offset: 3, after: \"{Cursor(1)}\") {{ edges {{ node {{ legacyId }} }} }} }}");
        Assert.Equal(["6", "7"], both.Ids("data.courseTemplates", "legacyId"));
    }

    [Fact]
    public async Task PagesAreTwentyByDefaultAndNeverMoreThanAHundred()
    {
        await AddContactsAsync(115);

        var byDefault = await App.GraphQLAsync("{ contacts { edges { node { id } } pageInfo { totalRecords hasNextPage } } }");
        var capped = await App.GraphQLAsync("{ contacts(first: 1000) { edges { node { id } } pageInfo { totalRecords hasNextPage } } }");

        Assert.Equal(20, byDefault.At("data.contacts.edges").AsArray().Count);
        Assert.Equal(125, byDefault.At("data.contacts.pageInfo.totalRecords").GetValue<int>());
        Assert.Equal(100, capped.At("data.contacts.edges").AsArray().Count);
        Assert.True(capped.At("data.contacts.pageInfo.hasNextPage").GetValue<bool>());
    }

    [Fact]
    public async Task BadPagingArgumentsAreClearErrors()
    {
        foreach (var (arguments, words) in new[]
        {
            ("first: -1", "first"),
            ("offset: -3", "offset"),
            ("after: \"bm90LWEtY3Vyc29y\"", "cursor"),
            ("after: \"%%%\"", "cursor"),
        })
        {
            var result = await App.GraphQLAsync($"{{ courseTemplates({arguments}) {{ edges {{ node {{ id }} }} }} }}");
            Assert.Contains(words, result.Text("errors.0.message"), StringComparison.Ordinal);
            Assert.True(result.IsNull("data"));
        }
    }

    [Fact]
    public async Task EveryTextOperationFiltersCourseTemplates()
    {
        Assert.Equal(["2"], await CourseIdsAsync("""{field: code, operation: eq, value: "FA-101"}"""));
        Assert.Equal(11, (await CourseIdsAsync("""{field: code, operation: ne, value: "FA-101"}""")).Count);
        Assert.Equal(["10", "12"], await CourseIdsAsync("""{field: code, operation: gt, value: "MH-101"}"""));
        Assert.Equal(["6", "10", "12"], await CourseIdsAsync("""{field: code, operation: ge, value: "MH-101"}"""));
        Assert.Equal(["1", "7"], await CourseIdsAsync("""{field: code, operation: lt, value: "FA-101"}"""));
        Assert.Equal(["1", "2", "7"], await CourseIdsAsync("""{field: code, operation: le, value: "FA-101"}"""));
        Assert.Equal(["2"], await CourseIdsAsync("""{field: title, operation: like, value: "%first aid%"}"""));
        Assert.Equal(["2", "3", "4"], await CourseIdsAsync("""{field: code, operation: like, value: "fa-1__"}"""));
        Assert.Equal(["2"], await CourseIdsAsync("""{field: title, operation: wordlike, value: "fundamentals FIRST"}"""));
        Assert.Equal(["3", "5"], await CourseIdsAsync("""{field: code, operation: in, values: ["FA-102", "FS-101", "NOPE"]}"""));
        Assert.Equal(10, (await CourseIdsAsync("""{field: code, operation: notin, values: ["FA-102", "FS-101"]}""")).Count);
        Assert.Equal(["2", "3", "4"], await CourseIdsAsync("""{field: code, operation: contains, values: ["fa", "10"]}"""));
        Assert.Equal(12, (await CourseIdsAsync("""{field: lifecycleState, operation: eq, value: "published"}""")).Count);
        Assert.Empty(await CourseIdsAsync("""{field: lifecycleState, operation: in, values: ["draft", "archived"]}"""));
        Assert.Equal(["4"], await CourseIdsAsync($$"""{field: id, operation: eq, value: "{{Ids.Course(4)}}"}"""));
        Assert.Equal(["11", "12"], await CourseIdsAsync($$"""{field: id, operation: gt, value: "{{Ids.Course(10)}}"}"""));
        Assert.Empty(await CourseIdsAsync("""{field: code, operation: isnull}"""));
        Assert.Equal(12, (await CourseIdsAsync("""{field: code, operation: notnull}""")).Count);
        Assert.Equal(["3"], await CourseIdsAsync("""{field: code, operation: like, value: "FA%"}, {field: title, operation: like, value: "%cpr%"}"""));
    }

    [Fact]
    public async Task FilterValuesAreDataNeverSql()
    {
        const string Query = "query($filters: [CourseTemplateFieldGraphFilter!]) { courseTemplates(first: 100, filters: $filters) { edges { node { legacyId } } } }";
        foreach (var hostile in new[] { "' OR 1=1 --", "%' OR '1'='1", "\\", "a\\", "\"; DROP TABLE course_templates; --", "_%_%" })
        {
            foreach (var operation in new[] { "eq", "like", "wordlike", "gt" })
            {
                var result = await App.GraphQLAsync(Query, new { filters = new[] { new { field = "code", operation, value = hostile } } });
                var ids = result.Ids("data.courseTemplates", "legacyId");
                var wildcardsOnly = operation == "like" && hostile == "_%_%";
                Assert.True(operation == "gt" || ids.Count == (wildcardsOnly ? 12 : 0), $"{operation} {hostile} matched {string.Join(",", ids)}");
            }
        }

        Assert.Equal(12, (await CourseIdsAsync("""{field: code, operation: notnull}""")).Count);
        var nul = await App.GraphQLAsync(Query, new { filters = new[] { new { field = "code", operation = "eq", value = "A\u0000" } } });
        Assert.Contains("NUL", nul.Text("errors.0.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassesFilterByDerivedStateDatesAndIds()
    {
        await SucceedsAsync(IssueGold(32, "2023-01-01T00:00:00Z", "2023-02-01T00:00:00Z"));
        await SucceedsAsync(IssueGold(33, "2023-05-01T00:00:00Z", "2023-06-01T00:00:00Z"));
        await SucceedsAsync(IssueGold(34, "2023-03-01T00:00:00Z", "2023-12-01T00:00:00Z"));
        await SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{Ids.Pass(4)}\"}}) {{ trainingPass {{ id }} errors {{ label }} }} }} }}");

        Assert.Equal(["2"], await PassIdsAsync("""{field: lifecycleState, operation: eq, value: "expired"}"""));
        Assert.Equal(["4"], await PassIdsAsync("""{field: lifecycleState, operation: eq, value: "cancelled"}"""));
        Assert.Equal(["1", "3"], await PassIdsAsync("""{field: lifecycleState, operation: eq, value: "active"}"""));
        Assert.Equal(["1"], await PassIdsAsync("""{field: isActive, operation: eq, value: "true"}"""));
        Assert.Equal(["2", "3", "4"], await PassIdsAsync("""{field: isActive, operation: eq, value: "false"}"""));
        Assert.Equal(["3"], await PassIdsAsync("""{field: validFrom, operation: ge, value: "2023-05-01"}"""));
        Assert.Equal(["2", "4"], await PassIdsAsync("""{field: validFrom, operation: lt, value: "2023-04-01T00:00:00Z"}"""));
        Assert.Equal(["2"], await PassIdsAsync("""{field: validUntil, operation: le, value: "2023-02-01T00:00:00Z"}"""));
        Assert.Equal(["3"], await PassIdsAsync($$"""{field: contactId, operation: eq, value: "{{Ids.Person(33)}}"}"""));
        Assert.Equal(["1", "2", "3", "4"], await PassIdsAsync($$"""{field: trainingPassTypeId, operation: eq, value: "{{Ids.Type(1)}}"}"""));
        Assert.Equal(["1", "2", "3", "4"], await PassIdsAsync($$"""{field: trainingPassTypeOptionId, operation: in, values: ["{{Ids.Option(1)}}"]}"""));
        Assert.Empty(await PassIdsAsync("""{field: trainingPassTypeOptionId, operation: isnull}"""));
        Assert.Equal(["1", "2", "3", "4"], await PassIdsAsync("""{field: createdAt, operation: le, value: "2023-04-03T09:30:00Z"}"""));

        App.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal(["2", "3"], await PassIdsAsync("""{field: lifecycleState, operation: eq, value: "expired"}"""));
        Assert.Equal(["1"], await PassIdsAsync("""{field: isActive, operation: eq, value: "true"}"""));
    }

    [Fact]
    public async Task ContactsAndAccountsFilterByActivePasses()
    {
        var contacts = await App.GraphQLAsync("""{ contacts(filters: [{field: hasActiveTrainingPass, operation: eq, value: "true"}]) { edges { node { legacyId hasActiveTrainingPass } } } }""");
        var accounts = await App.GraphQLAsync("""{ accounts(filters: [{field: hasActiveTrainingPass, operation: eq, value: "true"}]) { edges { node { name hasActiveTrainingPass } } } }""");
        var byAccount = await App.GraphQLAsync($$"""{ contacts(filters: [{field: accountId, operation: eq, value: "{{Ids.Account(3)}}"}, {field: emailAddress, operation: like, value: "%@example.com"}]) { edges { node { legacyId } } } }""");
        var byName = await App.GraphQLAsync("""{ contacts(filters: [{field: lastName, operation: eq, value: "Hopper"}]) { edges { node { legacyId personalName { firstName lastName } emailAddress } } } }""");

        Assert.Equal(["31"], contacts.Ids("data.contacts", "legacyId"));
        Assert.Equal(["Acme Corporation"], accounts.Ids("data.accounts", "name"));
        Assert.Equal(["36", "37", "38", "39", "40"], byAccount.Ids("data.contacts", "legacyId"));
        Assert.Equal("grace.hopper@example.com", byName.Text("data.contacts.edges.0.node.emailAddress"));
    }

    [Fact]
    public async Task OrdersBothWaysWithIdAsTheTieBreaker()
    {
        var ascending = await App.GraphQLAsync("{ courseTemplates(first: 3, order: {field: code, direction: asc}) { edges { node { code } } } }");
        var descending = await App.GraphQLAsync("{ courseTemplates(first: 3, order: {field: code, direction: desc}) { edges { node { code } } } }");
        var byState = await App.GraphQLAsync("{ courseTemplates(first: 4, order: {field: lifecycleState, direction: desc}) { edges { node { legacyId } } } }");
        var defaultDirection = await App.GraphQLAsync("{ learningPaths(order: {field: name}) { edges { node { name } } } }");

        Assert.Equal(["ABC-123", "DP-101", "FA-101"], ascending.Ids("data.courseTemplates", "code"));
        Assert.Equal(["XL-301", "PM-101", "MH-101"], descending.Ids("data.courseTemplates", "code"));
        Assert.Equal(["12", "11", "10", "9"], byState.Ids("data.courseTemplates", "legacyId"));
        Assert.Equal(["Fire Warden", "First Aid", "Leadership"], defaultDirection.Ids("data.learningPaths", "name"));
    }

    [Fact]
    public async Task BadFiltersAreClearErrorsThatNameTheFilter()
    {
        foreach (var (filter, words) in new[]
        {
            ("""{field: validFrom, operation: gt, value: "yesterday"}""", "filters[0].value"),
            ("""{field: lifecycleState, operation: eq, value: "bogus"}""", "active, cancelled, expired"),
            ("""{field: contactId, operation: in}""", "filters[0].values is required"),
            ("""{field: contactId, operation: eq}""", "filters[0].value is required"),
            ("""{field: validFrom, operation: like, value: "2023%"}""", "not text"),
            ("""{field: isActive, operation: gt, value: "true"}""", "cannot be compared"),
            ("""{field: contactId, operation: eq, value: "VHJhaW5pbmdQYXNzOjE="}""", "not a Person id"),
        })
        {
            var result = await App.GraphQLAsync($"{{ trainingPasses(filters: [{filter}]) {{ edges {{ node {{ id }} }} }} }}");
            Assert.Contains(words, result.Text("errors.0.message"), StringComparison.Ordinal);
            Assert.True(result.IsNull("data"));
        }

        var unknownField = await App.GraphQLAsync("""{ trainingPasses(filters: [{field: nickname, operation: eq, value: "x"}]) { edges { node { id } } } }""");
        Assert.True(unknownField.IsNull("data"));
        Assert.NotNull(unknownField["errors"]);
    }

    private async Task<List<string>> CourseIdsAsync(string filters) =>
        (await App.GraphQLAsync($"{{ courseTemplates(first: 100, filters: [{filters}]) {{ edges {{ node {{ legacyId }} }} }} }}")).Ids("data.courseTemplates", "legacyId");

    private async Task<List<string>> PassIdsAsync(string filters) =>
        (await App.GraphQLAsync($"{{ trainingPasses(first: 100, filters: [{filters}]) {{ edges {{ node {{ legacyId }} }} }} }}")).Ids("data.trainingPasses", "legacyId");

    private static string IssueGold(int contact, string from, string until) =>
        $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(contact)}\", validFrom: \"{from}\", validUntil: \"{until}\"}}) {{ trainingPass {{ id }} errors {{ label message }} }} }} }}";

    private async Task AddContactsAsync(int count)
    {
        await using var db = App.Database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            db.Contacts.Add(Contact.Create(2, "Learner", $"Number {i}", null, TestApp.DefaultNow.UtcDateTime));
        }

        await db.SaveChangesAsync();
    }

    private static string Cursor(int index) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Cursor:{index}"));

    private static void AssertPageInfo(JsonNode info, string start, string end, bool hasNext, bool hasPrevious, int total)
    {
        Assert.Equal(start, info.Text("startCursor"));
        Assert.Equal(end, info.Text("endCursor"));
        Assert.Equal(hasNext, info.At("hasNextPage").GetValue<bool>());
        Assert.Equal(hasPrevious, info.At("hasPreviousPage").GetValue<bool>());
        Assert.Equal(total, info.At("totalRecords").GetValue<int>());
    }

    public sealed class OnSqlite() : ListTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ListTests(DatabaseProvider.Postgres);
}
