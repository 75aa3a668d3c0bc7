using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.Playwright;

namespace Entitle.Tests.Web;

/// <summary>The learner portal in a real browser: sign in by link, redeem, see the pass and its courses, start one.</summary>
public abstract class LearnerPortalTests(DatabaseProvider provider) : WebTests(provider)
{
    private const string Grace = "grace.hopper@example.com";

    [Fact]
    public async Task ALearnerRedeemsAKeySeesThePassAndItsCoursesAndStartsOne()
    {
        await MintAsync("GRACE-KEY-0001", maxUses: 1);
        var page = await NewPageAsync();

        await SignInLearnerAsync(page, Grace);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My passes" }));
        await Expect(page.GetByText("You hold no pass yet"));
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Redeem a key" }).ClickAsync();
        await page.GetByLabel("Training key").FillAsync("  grace-key-0001 ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Redeem" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).GetByText("Key redeemed: your pass is valid until 2024-04-03."));
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "My passes" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Gold pass" });
        await Expect(row.GetByText("2023-04-03"));
        await Expect(row.GetByText("2024-04-03"));
        await Expect(row.GetByText("active"));

        await page.GetByRole(AriaRole.Link, new() { Name = "My courses" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My courses" }));
        var courses = await page.Locator("tbody tr").CountAsync();
        Assert.True(courses >= 3, $"ABC-123 and First Aid's courses: {courses} rows");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start Workplace Safety Essentials" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).GetByText("Started “Workplace Safety Essentials”"));
        await AssertAccessibleAsync(page);

        await using var db = App.Database.CreateContext();
        Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CourseStarts, s => s.ContactId == 32 && s.CourseTemplateId == 1));

        if (Provider == DatabaseProvider.Sqlite)
        {
            await page.GotoAsync("/learn");
            await page.ScreenshotAsync(new() { Path = Screenshot("learner-portal.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task RedemptionRefusalsShowNextToTheKey()
    {
        await MintAsync("ONE-USE-ONLY", maxUses: 1);
        await MintAsync("LATE-KEY", maxUses: 5, expiration: TestApp.DefaultNow.AddDays(1).ToUnixTimeSeconds());
        var first = await NewPageAsync();
        await SignInLearnerAsync(first, "alan.turing@example.com");
        await RedeemAsync(first, "ONE-USE-ONLY");
        await Expect(first.GetByRole(AriaRole.Status).GetByText("Key redeemed"));

        var page = await NewPageAsync(phone: true);
        await SignInLearnerAsync(page, Grace);
        await RedeemAsync(page, "ONE-USE-ONLY");
        await Expect(page.Locator("#trainingKey-error").GetByText("This key has been used the maximum number of times (1)."));
        Assert.Equal("true", await page.GetByLabel("Training key").GetAttributeAsync("aria-invalid"));
        Assert.Equal("ONE-USE-ONLY", await page.GetByLabel("Training key").InputValueAsync());
        await AssertAccessibleAsync(page);

        await RedeemAsync(page, "NO-SUCH-KEY");
        await Expect(page.Locator("#trainingKey-error").GetByText("No training key with this id exists."));

        await RedeemAsync(page, "LATE-KEY");
        await Expect(page.GetByRole(AriaRole.Status).GetByText("Key redeemed"));
        await RedeemAsync(page, "late-key");
        await Expect(page.Locator("#trainingKey-error").GetByText("This learner has already redeemed this key."));

        App.Clock.Advance(TimeSpan.FromDays(2));
        await RedeemAsync(first, "LATE-KEY");
        await Expect(first.Locator("#trainingKey-error").GetByText("This key expired at"));
    }

    [Fact]
    public async Task ASignInLinkWorksOnce()
    {
        var page = await NewPageAsync();
        await SignInLearnerAsync(page, Grace);
        var link = SignInLinkFor(Grace);

        var other = await NewPageAsync();
        await other.GotoAsync(link);
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Alert).GetByText("This sign-in link has expired or has already been used."));
        await other.GotoAsync("/learn");
        Assert.EndsWith("/learn/sign-in?ReturnUrl=%2Flearn", other.Url, StringComparison.Ordinal);
    }

    private static async Task RedeemAsync(IPage page, string key)
    {
        await page.GotoAsync("/learn/redeem");
        await page.GetByLabel("Training key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Redeem" }).ClickAsync();
    }

    private async Task MintAsync(string key, int maxUses, long? expiration = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/2.0/CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={expiration ?? 1_893_456_000}&maxKeyUses={maxUses}&trainingKeys={key}");
        request.Headers.Add("api_key", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);
        Assert.Contains("\"Status\":0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    private static string Screenshot(string name)
    {
        var folder = Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public sealed class OnSqlite() : LearnerPortalTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : LearnerPortalTests(DatabaseProvider.Postgres);
}
