using System.Net;
using Entitle.Api.Tms;
using Entitle.Persistence;
using Entitle.Tests.Api.GraphQL;
using Entitle.Tests.Support;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Entitle.Tests.Web;

/// <summary>
/// The API explorer in a real browser: <c>GET /graphql</c> shows a page that runs documents as the API does (typed
/// credential or admin session), the schema's types can be browsed, and the TMS methods read as a page.
/// </summary>
public abstract class ApiExplorerTests(DatabaseProvider provider) : WebTests(provider)
{
    [Fact]
    public async Task APersonAtGraphQLRunsTheSeedsSearchWithATypedCredential()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/graphql");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API explorer" }));
        Assert.EndsWith("/graphql", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await AssertAccessibleAsync(page);

        // By keyboard: type into each field, tab to Run and press Enter.
        await page.GetByLabel("Credential").FillAsync(TestApp.RootKey);
        await page.GetByLabel("Query").FillAsync(SeedExampleTests.Search);
        await page.GetByLabel("Operation name").PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run" })).ToBeFocusedAsync();
        await LoadsAsync(page, () => page.Keyboard.PressAsync("Enter"));

        var answer = page.Locator("#answer");
        await Assertions.Expect(answer).ToContainTextAsync("\"name\": \"Gold pass\"");
        await Assertions.Expect(answer).ToContainTextAsync("\"code\": \"ABC-123\"");
        await Assertions.Expect(answer).ToContainTextAsync("\"amount\": \"120.00\"");
        await Assertions.Expect(answer).ToContainTextAsync("\"name\": \"U.S. Dollars\"");
        await Expect(page.GetByText("Ran as Root organization (organization 1)."));

        // The query is kept for the next run; the credential is neither in the field nor anywhere in the page.
        Assert.Equal(SeedExampleTests.Search.ReplaceLineEndings("\n"), (await page.GetByLabel("Query").InputValueAsync()).ReplaceLineEndings("\n"));
        Assert.Equal("", await page.GetByLabel("Credential").InputValueAsync());
        Assert.DoesNotContain(TestApp.RootKey, await page.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        if (Provider == DatabaseProvider.Sqlite)
        {
            await page.ScreenshotAsync(new() { Path = Screenshot("api-explorer.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task FailuresShowNextToTheFieldAtFaultAndTheFormKeepsWhatWasTyped()
    {
        var page = await NewPageAsync(phone: true);
        await page.GotoAsync("/graphql");
        const string badQuery = "query Passes($first: Int) { trainingPassTypes(first: $first) { nope } }";
        const string variables = "{\"first\": 2}";

        await RunAsync(page, badQuery, variables, TestApp.RootKey, "Passes");
        await Expect(page.Locator("#query-error").GetByText("Cannot query field 'nope' on type 'TrainingPassTypeConnection'."));
        Assert.Equal("true", await page.GetByLabel("Query").GetAttributeAsync("aria-invalid"));
        Assert.Equal(badQuery, await page.GetByLabel("Query").InputValueAsync());
        Assert.Equal(variables, await page.GetByLabel("Variables").InputValueAsync());
        Assert.Equal("Passes", await page.GetByLabel("Operation name").InputValueAsync());
        Assert.Equal("", await page.GetByLabel("Credential").InputValueAsync());
        Assert.DoesNotContain(TestApp.RootKey, await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("Please correct the fields marked below."));
        await AssertFitsTheScreenAsync(page);
        await AssertAccessibleAsync(page);

        await RunAsync(page, "query Passes($first: Int) { trainingPassTypes(first: $first) { pageInfo { totalRecords } } }", "{\"first\": \"two\"}", TestApp.RootKey, "Passes");
        await Expect(page.Locator("#variables-error").GetByText("Variable '$first' is invalid."));

        await RunAsync(page, "{ currencies { pageInfo { totalRecords } } }", "[1, 2]", TestApp.RootKey);
        await Expect(page.Locator("#variables-error").GetByText("Variables must be a JSON object"));
        await Assertions.Expect(page.Locator("#answer")).ToHaveCountAsync(0);

        await RunAsync(page, "{ currencies { pageInfo { totalRecords } } }", "", "not-a-credential");
        await Expect(page.Locator("#credential-error").GetByText("This credential is unknown or has been revoked."));
        Assert.Equal("true", await page.GetByLabel("Credential").GetAttributeAsync("aria-invalid"));
        Assert.DoesNotContain("not-a-credential", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("{ currencies { pageInfo { totalRecords } } }", await page.GetByLabel("Query").InputValueAsync());

        await RunAsync(page, "{ currencies { pageInfo { totalRecords } } }", "", "");
        await Expect(page.Locator("#credential-error").GetByText("Enter your organization's credential, or sign in to the admin console first."));
        await AssertAccessibleAsync(page);

        await RunAsync(page, "query A { __typename } query B { __typename }", "", TestApp.RootKey);
        await Expect(page.Locator("#operationName-error").GetByText("Document contains more than one operation"));
    }

    [Fact]
    public async Task ASignedInAdministratorRunsWithoutTypingTheCredential()
    {
        var page = await NewPageAsync();
        await SignInAdminAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "API explorer" }).ClickAsync();
        await Expect(page.GetByText("Leave empty to run as your admin session"));

        await page.GetByLabel("Query").FillAsync("mutation { trainingPass { createType(input: {code: \"Silver\", name: \"Silver pass\"}) { trainingPassType { name lifecycleState } errors { label } } } }");
        await LoadsAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync());

        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("\"name\": \"Silver pass\"");
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("\"lifecycleState\": \"draft\"");
        await Expect(page.GetByText("Ran as Root organization (organization 1)."));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ASiblingsCredentialSeesOnlyItsOwnOrganization()
    {
        var (_, alphaKey) = await App.CreateAccountAsync("Alpha Training");
        var (_, bravoKey) = await App.CreateAccountAsync("Bravo Training");
        await App.GraphQLAsync("mutation { contact { create(input: {personalName: {firstName: \"Only\", lastName: \"Alpha\"}, emailAddress: \"only.alpha@example.com\"}) { errors { label } } } }", credential: alphaKey);

        var page = await NewPageAsync();
        await page.GotoAsync("/graphql");
        await RunAsync(page, "{ accounts { edges { node { name } } } contacts { edges { node { emailAddress } } pageInfo { totalRecords } } }", "", bravoKey);

        var answer = page.Locator("#answer");
        await Assertions.Expect(answer).ToContainTextAsync("\"name\": \"Bravo Training\"");
        await Assertions.Expect(answer).ToContainTextAsync("\"totalRecords\": 0");
        var text = await answer.InnerTextAsync();
        Assert.DoesNotContain("Alpha", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Root organization", text, StringComparison.Ordinal);
        await Expect(page.GetByText("Ran as Bravo Training"));
        Assert.DoesNotContain(bravoKey, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSchemaIsBrowsedFromQueryToATypeToAFieldsType()
    {
        var schema = App.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var own = schema.AllTypes.Count(t => !t.Name.StartsWith("__", StringComparison.Ordinal));

        var page = await NewPageAsync(phone: true);
        await page.GotoAsync("/graphql");
        await page.GetByRole(AriaRole.Link, new() { Name = "GraphQL schema" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "GraphQL schema" }));
        Assert.Equal(own, await page.Locator("ul.type-list li").CountAsync());
        await AssertFitsTheScreenAsync(page);
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Query", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Query object" }));
        var field = page.Locator("#field-trainingPassTypes");
        await Expect(field.GetByText("How many items to return: 20 when omitted, at most 100."));
        await field.GetByRole(AriaRole.Link, new() { Name = "TrainingPassTypeConnection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TrainingPassTypeConnection object" }));
        await AssertAccessibleAsync(page);

        await page.Locator("#field-edges").GetByRole(AriaRole.Link, new() { Name = "TrainingPassTypeEdge" }).ClickAsync();
        await page.Locator("#field-node").GetByRole(AriaRole.Link, new() { Name = "TrainingPassType" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TrainingPassType object" }));
        await Expect(page.GetByText("A bundle of courses and learning paths that passes grant access to."));
        await Expect(page.Locator("p", new() { HasText = "Implements" }).GetByRole(AriaRole.Link, new() { Name = "Node", Exact = true }));
        await AssertFitsTheScreenAsync(page);
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/graphql/schema/OrderDirection");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "OrderDirection enum" }));
        await page.GotoAsync("/graphql/schema/TrainingPassTypeFieldGraphOrder");
        await Expect(page.Locator("#field-direction").GetByText("= asc"));
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/graphql/schema/NoSuchType");
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("The schema has no type named NoSuchType."));
    }

    [Fact]
    public async Task TheTmsPageListsEveryMethodOfTheDeclarations()
    {
        var names = new TmsMethods().All.SelectMany(m => m.Names).ToList();

        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "TMS REST methods" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TMS REST methods", Exact = true }));
        Assert.Equal(names.Count, await page.Locator("section.method").CountAsync());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Methods ({names.Count})" }));
        foreach (var name in names)
        {
            await Assertions.Expect(page.Locator($"section.method[id='{name}'] h2")).ToHaveTextAsync(name);
        }

        var create = page.Locator("#CreateSubscriptionTrainingKeys");
        await Expect(create.GetByText("subscriptionProfileId"));
        await Expect(create.GetByText("required").First);
        await create.GetByRole(AriaRole.Link, new() { Name = "CreatedKeyRecord" }).ClickAsync();
        Assert.EndsWith("#schema-CreatedKeyRecord", page.Url, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        var phone = await NewPageAsync(phone: true);
        await phone.GotoAsync("/api/2.0/docs");
        await AssertFitsTheScreenAsync(phone);
        await AssertAccessibleAsync(phone);
    }

    [Fact]
    public async Task ApiClientsAtGraphQLAreAnsweredAsBefore()
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var html = await App.Http.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var client = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        client.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Http.SendAsync(client)).StatusCode);

        using var query = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        query.Headers.Accept.ParseAdd("text/html");
        query.Headers.Authorization = new("Bearer", TestApp.RootKey);
        using var answer = await App.Http.SendAsync(query);
        Assert.Equal("{\"data\":{\"__typename\":\"Query\"}}", await answer.Content.ReadAsStringAsync());

        using var empty = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=");
        empty.Headers.Accept.ParseAdd("text/html");
        empty.Headers.Authorization = new("Bearer", TestApp.RootKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Http.SendAsync(empty)).StatusCode);
    }

    /// <summary>Fills the form and runs it, returning once the re-shown page has loaded.</summary>
    private static async Task RunAsync(IPage page, string query, string variables, string credential, string operationName = "")
    {
        await page.GetByLabel("Credential").FillAsync(credential);
        await page.GetByLabel("Query").FillAsync(query);
        await page.GetByLabel("Variables").FillAsync(variables);
        await page.GetByLabel("Operation name").FillAsync(operationName);
        await LoadsAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Run" }).ClickAsync());
    }

    /// <summary>
    /// Does what submits the form and returns once the answer's page has loaded, styles included: the URL alone
    /// cannot tell, since every run answers at the same address.
    /// </summary>
    private static async Task LoadsAsync(IPage page, Func<Task> submit)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await submit();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    /// <summary>Nothing makes the page wider than the screen: a phone never scrolls sideways.</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`)
                .slice(0, 10)
            """);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(wide.Length == 0 && scrollWidth <= page.ViewportSize!.Width, $"{page.Url} is {scrollWidth}px wide: {string.Join(", ", wide)}");
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    public sealed class OnSqlite() : ApiExplorerTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ApiExplorerTests(DatabaseProvider.Postgres);
}
