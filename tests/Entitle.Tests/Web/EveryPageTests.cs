using System.Reflection;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Entitle.Tests.Web;

/// <summary>
/// Every page the app routes, found from its components' route attributes so that a new page cannot be missed,
/// opened by the kind of person it is for, at desktop and phone width: Axe finds no serious or critical
/// violation, the stylesheet applies, the page has one main heading, nothing scrolls sideways on a phone, and the keyboard reaches the
/// first control from the skip link.
/// </summary>
public abstract class EveryPageTests(DatabaseProvider provider) : WebTests(provider)
{
    /// <summary>What each parameterised route is opened with: the demo's Gold pass, its pass 1, a schema type.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["/admin/passes/{Id:int}"] = "/admin/passes/1",
        ["/admin/pass-types/{Id:int}"] = "/admin/pass-types/1",
        ["/learn/sign-in/{Token}"] = "/learn/sign-in/not-a-real-token",
        ["/graphql/schema/{Name}"] = "/graphql/schema/TrainingPassType",
    };

    /// <summary>The elements that stick out on the right, to say what to fix.</summary>
    private const string WidestElements = """
        () => {
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))
                .join(', ');
        }
        """;

    public static IReadOnlyList<string> Routes() =>
        typeof(Entitle.Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPageIsAccessibleHasOneMainHeadingAndFitsTheScreen(bool phone)
    {
        var routes = Routes();
        Assert.True(routes.Count >= 19, $"{routes.Count} routes: {string.Join(", ", routes)}");
        var admin = await NewPageAsync(phone);
        await SignInAdminAsync(admin);
        var learner = await NewPageAsync(phone);
        await SignInLearnerAsync(learner, "ada.lovelace@example.com");
        var visitor = await NewPageAsync(phone);

        var problems = new List<string>();
        foreach (var route in routes)
        {
            var path = Examples.GetValueOrDefault(route, route);
            Assert.DoesNotContain("{", path, StringComparison.Ordinal);
            var page = path.StartsWith("/admin", StringComparison.Ordinal) && !path.StartsWith("/admin/sign-in", StringComparison.Ordinal) ? admin
                : path.StartsWith("/learn", StringComparison.Ordinal) && !path.StartsWith("/learn/sign-in", StringComparison.Ordinal) ? learner
                : visitor;
            var response = await page.GotoAsync(path);
            if (response is not { Status: 200 } || !page.Url.EndsWith(path, StringComparison.Ordinal))
            {
                problems.Add($"{path}: HTTP {response?.Status} at {page.Url}");
                continue;
            }

            try
            {
                await AssertAccessibleAsync(page);
            }
            catch (Xunit.Sdk.TrueException e)
            {
                problems.Add(e.Message);
            }

            if (!await page.EvaluateAsync<bool>("() => getComputedStyle(document.querySelector('.skip')).position === 'absolute'"))
            {
                problems.Add($"{path}: the stylesheet is not applied");
            }

            var headings = await page.Locator("h1").CountAsync();
            if (headings != 1)
            {
                problems.Add($"{path}: {headings} main headings");
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{path}: scrolls {overflow} px sideways at {(phone ? "phone" : "desktop")} width " + await page.EvaluateAsync<string>(WidestElements));
            }

            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''");
            if (first != "Skip to content")
            {
                problems.Add($"{path}: the first Tab reaches “{first}”, not the skip link");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public sealed class OnSqlite() : EveryPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : EveryPageTests(DatabaseProvider.Postgres);
}
