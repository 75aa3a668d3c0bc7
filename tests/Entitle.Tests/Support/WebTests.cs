using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Entitle.Persistence;
using Microsoft.Playwright;

namespace Entitle.Tests.Support;

/// <summary>
/// Tests that use the web pages in a real browser against the real app. Learners' one-time sign-in links are
/// read from the app's log, where <c>Web:SignInLinksInLog</c> puts them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The log is disposed in DisposeAsync, which xunit calls.")]
public abstract partial class WebTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private readonly CapturedLogs _logs = new();
    private readonly List<IBrowserContext> _contexts = [];

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Web:SignInLinksInLog"] = "true" };

    protected override CapturedLogs? Logs => _logs;

    /// <summary>A fresh browser (no cookies) at the app; phone-width when asked.</summary>
    protected async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(App.Http.BaseAddress!, phone ? 390 : 1280, phone ? 844 : 900);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    protected static async Task SignInAdminAsync(IPage page, string credential = TestApp.RootKey)
    {
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("Organization credential").FillAsync(credential);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArriveAsync(page, "/admin");
    }

    /// <summary>Asks for a sign-in link as the learner would, takes it from the log (the learner's mailbox), and uses it.</summary>
    protected async Task SignInLearnerAsync(IPage page, string email)
    {
        await page.GotoAsync("/learn/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a sign-in link" }).ClickAsync();
        await page.GetByText("a sign-in link is on its way").WaitForAsync();
        await page.GotoAsync(SignInLinkFor(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArriveAsync(page, "/learn");
    }

    /// <summary>Waits for a sign-in to land on <paramref name="path"/>; if it does not, says where it landed and what the page said.</summary>
    private static async Task ArriveAsync(IPage page, string path)
    {
        try
        {
            // The address alone, polled: what follows waits for what it needs (locators wait for their elements, a
            // navigation for its page). WaitForURLAsync waits for a load state as well, even when the page is
            // already there: the load event timed out once in CI on a loaded machine with the page shown, and
            // "commit" is no load state the page records, so it waited out its timeout whenever the sign-in had
            // landed before the wait began.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("^https?://[^/]+" + Regex.Escape(path) + "([?#].*)?$"), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            var text = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"Signing in did not reach {path}; the page is {page.Url}: {text[..Math.Min(text.Length, 500)]}", e);
        }
    }

    /// <summary>The latest sign-in link the app issued for <paramref name="email"/>.</summary>
    protected string SignInLinkFor(string email)
    {
        var link = _logs.Entries.Select(e => LinkLine().Match(e)).LastOrDefault(m => m.Success && string.Equals(m.Groups["email"].Value, email, StringComparison.OrdinalIgnoreCase));
        Assert.True(link is not null, $"No sign-in link was logged for {email}.");
        return link.Groups["link"].Value;
    }

    /// <summary>Where a test saves a screenshot the README shows: docs/screenshots.</summary>
    protected static string Screenshot(string name)
    {
        var folder = Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Axe finds no serious or critical violation on the page as it is now.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await base.DisposeAsync();
        _logs.Dispose();
    }

    [GeneratedRegex(@"Sign-in link for learner \d+ <(?<email>[^>]+)>: (?<link>\S+)")]
    private static partial Regex LinkLine();
}
