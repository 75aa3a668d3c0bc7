using System.Net;
using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>Contacts, courses, learning paths, regions and accounts: created, changed, and refused when wrong.</summary>
public abstract class CatalogMutationTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    [Fact]
    public async Task ContactsAreCreatedInAnAccountAndChanged()
    {
        var created = await SucceedsAsync($$"""mutation { contact { create(input: {personalName: {firstName: " Lin ", lastName: "Clark"}, emailAddress: "lin@example.com", accountId: "{{Ids.Account(3)}}"}) { contact { id legacyId personalName { firstName lastName } emailAddress account { name } hasActiveTrainingPass } errors { label } } } }""");
        Assert.Equal(41, created.At("contact.legacyId").GetValue<int>());
        Assert.Equal("Lin", created.Text("contact.personalName.firstName"));
        Assert.Equal("Globex Training", created.Text("contact.account.name"));
        Assert.False(created.At("contact.hasActiveTrainingPass").GetValue<bool>());

        var updated = await SucceedsAsync($$"""mutation { contact { update(input: {contactId: "{{created.Text("contact.id")}}", personalName: {lastName: "Clarke"}, emailAddress: "", accountId: "{{Ids.Account(2)}}"}) { contact { personalName { firstName lastName } emailAddress account { name } } errors { label } } } }""");
        Assert.Equal("""{"personalName":{"firstName":"Lin","lastName":"Clarke"},"emailAddress":null,"account":{"name":"Acme Corporation"}}""", TestApp.Json(updated.At("contact")));

        await RefusedAsync("""mutation { contact { create(input: {personalName: {firstName: "", lastName: "X"} }) { contact { id } errors { label message value } } } }""", "personalName.firstName");
        await RefusedAsync("""mutation { contact { create(input: {personalName: {firstName: "A", lastName: "B"}, emailAddress: "not an address"}) { contact { id } errors { label message value } } } }""", "emailAddress");
        await RefusedAsync($$"""mutation { contact { create(input: {personalName: {firstName: "A", lastName: "B"}, accountId: "{{Ids.Account(77)}}"}) { contact { id } errors { label message value } } } }""", "accountId");
        await RefusedAsync($$"""mutation { contact { update(input: {contactId: "{{Ids.Person(31)}}", personalName: {lastName: "   "} }) { contact { id } errors { label message value } } } }""", "personalName.lastName");
    }

    [Fact]
    public async Task CourseTemplatesFollowTheLifecycle()
    {
        var created = await SucceedsAsync("""mutation { courseTemplate { create(input: {code: "NEW-1", title: "New course", description: "Line one\nLine two"}) { courseTemplate { id legacyId code title description lifecycleState } errors { label } } } }""");
        Assert.Equal(13, created.At("courseTemplate.legacyId").GetValue<int>());
        Assert.Equal("draft", created.Text("courseTemplate.lifecycleState"));
        Assert.Equal("Line one\nLine two", created.Text("courseTemplate.description"));
        var id = created.Text("courseTemplate.id");

        var published = await SucceedsAsync($$"""mutation { courseTemplate { update(input: {courseTemplateId: "{{id}}", title: "Newer course", lifecycleState: published}) { courseTemplate { title lifecycleState } errors { label } } } }""");
        Assert.Equal("""{"title":"Newer course","lifecycleState":"published"}""", TestApp.Json(published.At("courseTemplate")));

        await RefusedAsync($$"""mutation { courseTemplate { update(input: {courseTemplateId: "{{id}}", lifecycleState: draft}) { courseTemplate { id } errors { label message value } } } }""", "lifecycleState");
        await RefusedAsync("""mutation { courseTemplate { create(input: {code: "X", title: " "}) { courseTemplate { id } errors { label message value } } } }""", "title");
        await RefusedAsync($$"""mutation { courseTemplate { update(input: {courseTemplateId: "{{Ids.Path(1)}}", title: "x"}) { courseTemplate { id } errors { label message value } } } }""", "courseTemplateId");
    }

    [Fact]
    public async Task LearningPathsKeepTheirCoursesInOrder()
    {
        var created = await SucceedsAsync($$"""mutation { learningPaths { create(input: {code: "SAFE", name: "Safety", courseIds: ["{{Ids.Course(6)}}", "{{Ids.Course(1)}}", "{{Ids.Course(5)}}"], lifecycleState: published}) { learningPath { id legacyId lifecycleState courses { edges { node { code } } } } errors { label } } } }""");
        Assert.Equal(["MH-101", "ABC-123", "FS-101"], created.Ids("learningPath.courses", "code"));
        Assert.Equal("published", created.Text("learningPath.lifecycleState"));

        var reordered = await SucceedsAsync($$"""mutation { learningPaths { update(input: {learningPathId: "{{created.Text("learningPath.id")}}", courseIds: ["{{Ids.Course(5)}}", "{{Ids.Course(6)}}"], name: "Safety first"}) { learningPath { name courses { edges { node { code } } } } errors { label } } } }""");
        Assert.Equal(["FS-101", "MH-101"], reordered.Ids("learningPath.courses", "code"));
        Assert.Equal("Safety first", reordered.Text("learningPath.name"));

        await RefusedAsync($$"""mutation { learningPaths { create(input: {code: "D", name: "Dup", courseIds: ["{{Ids.Course(2)}}", "{{Ids.Course(2)}}"]}) { learningPath { id } errors { label message value } } } }""", "courseIds", messageContains: "only once");
        await RefusedAsync($$"""mutation { learningPaths { create(input: {code: "U", name: "Unknown", courseIds: ["{{Ids.Course(50)}}"]}) { learningPath { id } errors { label message value } } } }""", "courseIds");
    }

    [Fact]
    public async Task OnlyTheRootDefinesRegions()
    {
        var created = await SucceedsAsync("""mutation { region { create(input: {code: "LATAM", name: "Latin America"}) { region { id code name } errors { label } } } }""");
        Assert.Equal(Ids.Region("LATAM"), created.Text("region.id"));

        var (_, childKey) = await App.CreateAccountAsync("Regional office");
        await RefusedAsync("""mutation { region { create(input: {code: "MINE", name: "Mine"}) { region { id } errors { label message value } } } }""", "code", childKey, "root organization");
        await RefusedAsync("""mutation { region { create(input: {code: "DR", name: "Again"}) { region { id } errors { label message value } } } }""", "code", messageContains: "already exists");
        await RefusedAsync("""mutation { region { create(input: {code: "A B", name: "Spaced"}) { region { id } errors { label message value } } } }""", "code");
    }

    [Fact]
    public async Task AnAccountGetsACredentialThatWorksAtOnceForItsSubtreeOnly()
    {
        var created = await SucceedsAsync($$"""mutation { account { create(input: {name: "Acme EMEA", parentId: "{{Ids.Account(2)}}", externalId: "emea"}) { account { id legacyId name externalId parent { name } } credential errors { label } } } }""");
        var key = created.Text("credential");
        Assert.Equal("Acme Corporation", created.Text("account.parent.name"));
        Assert.Equal("emea", created.Text("account.externalId"));
        Assert.True(key.Length >= 40);

        var own = await App.GraphQLAsync("{ accounts { edges { node { name } } } contacts { pageInfo { totalRecords } } }", credential: key);
        Assert.Equal(["Acme EMEA"], own.Ids("data.accounts", "name"));
        Assert.Equal(0, own.At("data.contacts.pageInfo.totalRecords").GetValue<int>());

        var renamed = await SucceedsAsync($$"""mutation { account { update(input: {accountId: "{{created.Text("account.id")}}", name: "Acme Europe"}) { account { name } errors { label } } } }""", key);
        Assert.Equal("Acme Europe", renamed.Text("account.name"));

        await RefusedAsync("""mutation { account { create(input: {name: ""}) { account { id } credential errors { label message value } } } }""", "name");
        await RefusedAsync($$"""mutation { account { create(input: {name: "Up", parentId: "{{Ids.Account(1)}}"}) { account { id } credential errors { label message value } } } }""", "parentId", key);
    }

    [Fact]
    public async Task TheRootCredentialIsStoredOnlyAsAHash()
    {
        var snapshot = await DatabaseSnapshot.TakeAsync(App.Database);
        var (_, accountKey) = await App.CreateAccountAsync("Hash check");
        var after = await DatabaseSnapshot.TakeAsync(App.Database);

        Assert.DoesNotContain(TestApp.RootKey, snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain(accountKey, after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await App.PostGraphQLAsync("{ currencies { pageInfo { totalRecords } } }", credential: accountKey)).StatusCode);
    }

    public sealed class OnSqlite() : CatalogMutationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CatalogMutationTests(DatabaseProvider.Postgres);
}
