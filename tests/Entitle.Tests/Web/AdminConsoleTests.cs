using System.Text.RegularExpressions;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Entitle.Tests.Web;

/// <summary>The admin console in a real browser: the whole life of a pass type, its keys and a learner's redemption.</summary>
public abstract partial class AdminConsoleTests(DatabaseProvider provider) : WebTests(provider)
{
    private const string Grace = "grace.hopper@example.com";

    [Fact]
    public async Task AnAdministratorBuildsAPassTypeMintsKeysAndSeesALearnersRedemptionOnTheDashboardAndInTheAuditTrail()
    {
        var admin = await NewPageAsync();
        await SignInAdminAsync(admin);
        var unredeemedBefore = int.Parse(await admin.Locator("#unredeemed-keys").InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(admin.Locator("#redemptions-summary").GetByText("0 in the last 90 days"));
        await AssertAccessibleAsync(admin);

        // A pass type, created as a draft.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Pass types" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Gold pass" }));
        await AssertAccessibleAsync(admin);
        await admin.GetByLabel("Code", new() { Exact = true }).FillAsync("PLATINUM");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Platinum pass");
        await admin.GetByLabel("Description").FillAsync("Safety, for those who lead it.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create pass type" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Platinum pass" }));
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Pass type created as a draft."));

        // The rule: no publishing without a published option.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert).GetByText("A training pass type can be published only when it has at least one published option."));
        await AssertAccessibleAsync(admin);

        // Content found in the catalog.
        await admin.GetByLabel("Title or code contains").FillAsync("workplace");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search the catalog" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add Workplace Safety Essentials" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Remove Workplace Safety Essentials" }));
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Workplace Safety Essentials" }).GetByText("Included"));
        await admin.GetByLabel("Title or code contains").FillAsync("first aid");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search the catalog" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add First Aid", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove First Aid", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Removed from the pass type."));
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Remove First Aid", Exact = true })).ToHaveCountAsync(0);

        // An option with a price, published.
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Annual");
        await admin.GetByLabel("Runs for").FillAsync("12");
        await admin.GetByLabel("Unit").SelectOptionAsync(new SelectOptionValue { Label = "months" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Option “Annual” added as a draft"));
        await admin.GetByLabel("Amount").FillAsync("199.00");
        await admin.GetByLabel("Currency").SelectOptionAsync("USD");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add price" }).ClickAsync();
        await Expect(admin.GetByText("199.00 USD (all regions)"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish option Annual" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Option published."));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Pass type published"));
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Platinum pass published" }));
        await AssertAccessibleAsync(admin);

        // Twenty keys, downloaded as CSV.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Keys" }).ClickAsync();
        await admin.GetByLabel("Pass type").SelectOptionAsync(new SelectOptionValue { Label = "Platinum pass" });
        await admin.GetByLabel("Number of keys to generate").FillAsync("20");
        await admin.GetByLabel("Redeemable until").FillAsync("2030-01-01");
        await admin.GetByLabel("Uses per key").FillAsync("1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Mint keys" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("20 keys minted."));
        await AssertAccessibleAsync(admin);
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { NameRegex = DownloadLink() }).First.ClickAsync());
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key,uses,max_uses,expiration_date,content_expiration_date", lines[0]);
        Assert.Equal(20, lines.Length - 1);
        var keys = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(keys, k => Assert.Equal(["0", "1", "2030-01-01T00:00:00Z", ""], k[1..]));
        await using (var db = App.Database.CreateContext())
        {
            var platinum = await db.PassTypes.SingleAsync(t => t.Code == "PLATINUM");
            var minted = await db.TrainingKeys.Where(k => k.PassTypeId == platinum.Id).Select(k => k.Key).ToListAsync();
            Assert.Equal(minted.Order(StringComparer.Ordinal), keys.Select(k => k[0]).Order(StringComparer.Ordinal));
        }

        // A learner redeems one, sees the pass and its course, and starts it.
        var learner = await NewPageAsync(phone: true);
        await SignInLearnerAsync(learner, Grace);
        await learner.GotoAsync("/learn/redeem");
        await learner.GetByLabel("Training key").FillAsync(keys[0][0].ToLowerInvariant());
        await learner.GetByRole(AriaRole.Button, new() { Name = "Redeem" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status).GetByText("Key redeemed: your pass is valid until 2024-04-03."));
        await learner.GotoAsync("/learn");
        await Expect(learner.GetByRole(AriaRole.Row).Filter(new() { HasText = "Platinum pass" }).GetByText("active"));
        await learner.GotoAsync("/learn/catalog");
        await Expect(learner.GetByRole(AriaRole.Row).Filter(new() { HasText = "Workplace Safety Essentials" }).GetByText("Platinum pass"));
        await learner.GetByRole(AriaRole.Button, new() { Name = "Start Workplace Safety Essentials" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status).GetByText("Started “Workplace Safety Essentials”"));

        // The administrator sees it: dashboard, batch progress, audit trail.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Expect(admin.Locator("#redemptions-summary").GetByText("1 in the last 90 days"));
        Assert.Equal((unredeemedBefore + 19).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await admin.Locator("#unredeemed-keys").InnerTextAsync());
        if (Provider == DatabaseProvider.Sqlite)
        {
            await admin.ScreenshotAsync(new() { Path = Screenshot("admin-dashboard.png"), FullPage = true });
        }

        await admin.GetByRole(AriaRole.Link, new() { Name = "Keys" }).ClickAsync();
        await Expect(admin.GetByText("1 of 20 uses · 1 keys redeemed"));
        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await admin.GetByLabel("Entity", new() { Exact = true }).SelectOptionAsync("TrainingKey");
        await admin.GetByLabel("Action").FillAsync("redeemed");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var rows = admin.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await rows.GetByText("Show").ClickAsync();
        await Expect(rows.GetByText("\"contactId\":32"));
        await AssertAccessibleAsync(admin);
    }

    [Fact]
    public async Task FormsShowEachRefusalNextToItsFieldAndKeepWhatWasTyped()
    {
        var admin = await NewPageAsync(phone: true);
        await SignInAdminAsync(admin);
        await admin.GotoAsync("/admin/pass-types");
        await admin.GetByLabel("Code", new() { Exact = true }).FillAsync("GOLD");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Another gold");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create pass type" }).ClickAsync();
        await Expect(admin.Locator("#code-error"));
        Assert.Equal("true", await admin.GetByLabel("Code", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        Assert.Equal("Another gold", await admin.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        await AssertAccessibleAsync(admin);

        await admin.GotoAsync("/admin/pass-types/1");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Forever");
        await admin.GetByLabel("Runs for").FillAsync("twelve");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
        await Expect(admin.Locator("[id='option-period-error']").GetByText("Enter how long passes run as a whole number"));
        Assert.Equal("Forever", await admin.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        await admin.GetByLabel("Runs for").FillAsync("200");
        await admin.GetByLabel("Unit").SelectOptionAsync(new SelectOptionValue { Label = "years" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
        await Expect(admin.Locator("[id='option-period-error']").GetByText("validityPeriod is longer than 100 years."));
        await admin.GetByLabel("Amount").FillAsync("12.345");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add price" }).ClickAsync();
        await Expect(admin.Locator("[id='price-amount-error']"));
        Assert.Equal("12.345", await admin.GetByLabel("Amount").InputValueAsync());
        await AssertAccessibleAsync(admin);

        await admin.GotoAsync("/admin/keys");
        await admin.GetByLabel("Number of keys to generate").FillAsync("0");
        await admin.GetByLabel("Redeemable until").FillAsync("2020-01-01");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Mint keys" }).ClickAsync();
        await Expect(admin.Locator("[id='mint-count-error']").GetByText("numberOfKeys must be between 1 and 100000."));
        await admin.GetByLabel("Number of keys to generate").FillAsync("3");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Mint keys" }).ClickAsync();
        await Expect(admin.Locator("[id='mint-expires-error']").GetByText("expirationDate must be in the future."));
        Assert.Equal("3", await admin.GetByLabel("Number of keys to generate").InputValueAsync());
        await AssertAccessibleAsync(admin);

        await using var db = App.Database.CreateContext();
        Assert.Equal(1, await db.PassTypes.CountAsync());
        Assert.Equal(1, await db.PassTypeOptions.CountAsync());
        Assert.Equal(0, await db.TrainingKeys.CountAsync());
    }

    [Fact]
    public async Task PassesAreIssuedRenewedReassignedAndRevoked()
    {
        var admin = await NewPageAsync();
        await SignInAdminAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Passes" }).ClickAsync();
        await AssertAccessibleAsync(admin);
        await admin.GetByLabel("Learner's email").FillAsync("nobody@example.com");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Issue pass" }).ClickAsync();
        await Expect(admin.Locator("[id='issue-email-error']").GetByText("No learner with this email in your organization."));
        Assert.Equal("nobody@example.com", await admin.GetByLabel("Learner's email").InputValueAsync());

        await admin.GetByLabel("Learner's email").FillAsync("Grace.Hopper@example.com");
        await admin.GetByLabel("Pass type", new() { Exact = true }).Last.SelectOptionAsync(new SelectOptionValue { Label = "Gold pass" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Issue pass" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Pass issued."));
        await Expect(admin.Locator("#valid-until").GetByText("2024-04-03"));
        await AssertAccessibleAsync(admin);

        // The list shows the newest pass first.
        var issued = new Uri(admin.Url).AbsolutePath;
        await admin.GotoAsync("/admin/passes");
        Assert.Equal(issued, await admin.Locator("tbody tr").First.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await admin.GotoAsync(issued);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Renew" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Pass renewed: valid until 2025-04-03"));

        await admin.GetByLabel("New learner's email").FillAsync(Grace);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Reassign" }).ClickAsync();
        await Expect(admin.Locator("[id='reassign-email-error']").GetByText("The pass is already held by this contact."));
        await admin.GetByLabel("New learner's email").FillAsync("alan.turing@example.com");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Reassign" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Gold pass for Alan Turing" }));

        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke pass" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status).GetByText("Pass revoked."));
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Gold pass for Alan Turing cancelled" }));
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Renew" })).ToHaveCountAsync(0);

        await admin.GotoAsync("/admin/passes?learner=turing&state=cancelled");
        await Assertions.Expect(admin.Locator("tbody tr")).ToHaveCountAsync(1);
        await admin.GotoAsync("/admin/passes?learner=turing&state=active");
        await Expect(admin.GetByText("No pass matches."));
        await admin.GotoAsync("/admin/passes?validOn=2023-13-45");
        await Expect(admin.Locator("#validOn-error"));
        await AssertAccessibleAsync(admin);
    }

    [Fact]
    public async Task ALearnerCannotReachAnyAdminPage()
    {
        var learner = await NewPageAsync();
        await SignInLearnerAsync(learner, Grace);
        foreach (var path in new[] { "/admin", "/admin/pass-types", "/admin/pass-types/1", "/admin/passes", "/admin/passes/1", "/admin/keys", "/admin/audit", "/admin/webhooks", "/admin/keys/batches/1/keys.csv" })
        {
            var response = await learner.GotoAsync(path);
            Assert.True(learner.Url.Contains("/admin/sign-in?ReturnUrl=", StringComparison.Ordinal), $"{path} went to {learner.Url}");
            Assert.Equal(200, response!.Status);
            await Expect(learner.GetByLabel("Organization credential"));
        }
    }

    [Fact]
    public async Task NoAdminPageShowsAnotherOrganizationsData()
    {
        var (_, aCredential) = await App.CreateAccountAsync("Northwind");
        var (_, bCredential) = await App.CreateAccountAsync("Contoso");

        var a = await NewPageAsync();
        await SignInAdminAsync(a, aCredential);
        await a.GotoAsync("/admin/pass-types");
        await a.GetByLabel("Code", new() { Exact = true }).FillAsync("NW-ONLY");
        await a.GetByLabel("Name", new() { Exact = true }).FillAsync("Northwind secret pass");
        await a.GetByRole(AriaRole.Button, new() { Name = "Create pass type" }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Northwind secret pass" }));
        var typePage = new Uri(a.Url).AbsolutePath;
        // Northwind mints keys of the root's Gold pass, which its learners may hold.
        await a.GotoAsync("/admin/keys");
        await a.GetByLabel("Pass type").SelectOptionAsync(new SelectOptionValue { Label = "Gold pass" });
        await a.GetByLabel("Number of keys to generate").FillAsync("2");
        await a.GetByLabel("Redeemable until").FillAsync("2030-01-01");
        await a.GetByRole(AriaRole.Button, new() { Name = "Mint keys" }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Status).GetByText("2 keys minted."));
        var csv = (await a.GetByRole(AriaRole.Link, new() { NameRegex = DownloadLink() }).First.GetAttributeAsync("href"))!;

        var b = await NewPageAsync();
        await SignInAdminAsync(b, bCredential);
        await b.GotoAsync("/admin/pass-types");
        await Expect(b.GetByRole(AriaRole.Link, new() { Name = "Gold pass" }));
        await Assertions.Expect(b.GetByText("Northwind secret pass")).ToHaveCountAsync(0);
        await b.GotoAsync(typePage);
        await Expect(b.GetByRole(AriaRole.Heading, new() { Name = "Pass type not found" }));
        await b.GotoAsync("/admin/keys");
        await Expect(b.GetByText("No key has been minted yet."));
        var download = await b.APIRequest.GetAsync(csv);
        Assert.Equal(404, download.Status);
        Assert.DoesNotContain(",", await download.TextAsync(), StringComparison.Ordinal);
        // B's own audit trail holds its own creation; nothing of what A did.
        await b.GotoAsync("/admin/audit");
        Assert.DoesNotContain("TrainingKeyBatch", await b.Locator("#entity").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("PassType", await b.Locator("#entity").InnerTextAsync(), StringComparison.Ordinal);
        await a.GotoAsync("/admin/audit");
        Assert.Contains("TrainingKeyBatch", await a.Locator("#entity").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("PassType", await a.Locator("#entity").InnerTextAsync(), StringComparison.Ordinal);
        await b.GotoAsync("/admin/passes?learner=example.com");
        await Expect(b.GetByText("No pass matches."));
        await b.GotoAsync("/admin");
        Assert.Equal("0", await b.Locator("#unredeemed-keys").InnerTextAsync());
        await b.GotoAsync("/admin/webhooks");
        await Expect(b.GetByText("No endpoint is registered."));
        await AssertAccessibleAsync(b);

        // The download works for its owner, so the 404 above is isolation rather than a broken route.
        var own = await a.APIRequest.GetAsync(csv);
        Assert.Equal(200, own.Status);
        Assert.Equal(3, (await own.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task AnUnexpectedFailureShowsAPageInsteadOfJsonAndNoDetail()
    {
        var admin = await NewPageAsync();
        await SignInAdminAsync(admin);
        App.Faults.FailNext(sql => sql.Contains("pass_types", StringComparison.Ordinal));
        var response = await admin.GotoAsync("/admin/pass-types");
        Assert.Equal(500, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Something went wrong" }));
        await Expect(admin.GetByRole(AriaRole.Alert).GetByText("Nothing was changed"));
        Assert.DoesNotContain("Injected", await admin.ContentAsync(), StringComparison.Ordinal);
        await AssertAccessibleAsync(admin);

        await admin.GotoAsync("/admin/pass-types");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Gold pass" }));
    }

    [Fact]
    public async Task WebhookDeliveriesAreListedAndFilteredByEventAndStatus()
    {
        var created = await App.GraphQLAsync("mutation { webhooks { create(input: {url: \"https://hooks.example.com/entitle\", eventTypes: [\"pass.issued\", \"keys.minted\"]}) { webhook { id } errors { message } } } }");
        Assert.Empty(created["data"]!["webhooks"]!["create"]!["errors"]!.AsArray());
        using (var mint = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=1893456000&numberOfKeys=2"))
        {
            mint.Headers.Add("api_key", TestApp.RootKey);
            using var minted = await App.Http.SendAsync(mint);
            Assert.Contains("\"Status\":0", await minted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var admin = await NewPageAsync();
        await SignInAdminAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "https://hooks.example.com/entitle" }));
        var deliveries = admin.Locator("table[aria-labelledby='deliveries-heading'] tbody tr");
        await Assertions.Expect(deliveries).ToHaveCountAsync(1);
        await Expect(deliveries.GetByText("keys.minted"));
        await Expect(deliveries.GetByText("not tried yet"));
        await AssertAccessibleAsync(admin);

        await admin.GetByLabel("Event").SelectOptionAsync("pass.issued");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(admin.GetByText("No delivery matches."));
        await admin.GetByLabel("Event").SelectOptionAsync("keys.minted");
        await admin.GetByLabel("Status").SelectOptionAsync("succeeded");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(admin.GetByText("No delivery matches."));
        await admin.GetByLabel("Status").SelectOptionAsync("pending");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(deliveries).ToHaveCountAsync(1);
        Assert.Contains("status=pending", admin.Url, StringComparison.Ordinal);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    [GeneratedRegex("^Download batch \\d+ as CSV$")]
    private static partial Regex DownloadLink();

    public sealed class OnSqlite() : AdminConsoleTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AdminConsoleTests(DatabaseProvider.Postgres);
}
