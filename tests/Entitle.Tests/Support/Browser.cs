using Microsoft.Playwright;

namespace Entitle.Tests.Support;

/// <summary>
/// One headless Chromium for the whole run (Debian's, at <c>/usr/bin/chromium</c>, or <c>ENTITLE_TEST_CHROMIUM</c>),
/// driven by Playwright; each test opens its own context, so cookies never cross tests.
/// </summary>
public static class Browser
{
    public const string Variable = "ENTITLE_TEST_CHROMIUM";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width = 1280, int height = 900) =>
        await (await Shared.Value).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // As root in a closed network: no sandbox, and none of Chromium's calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return browser;
    }
}
