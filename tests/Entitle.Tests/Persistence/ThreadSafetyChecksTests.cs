using Entitle.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Persistence;

/// <summary>
/// EF Core's check against a context used by two operations at once costs every row read (docs/benchmarks.md), so a
/// deployment runs without it; Development and the tests (TestApp) turn it on, so that a use breaking the rule fails.
/// </summary>
public sealed class ThreadSafetyChecksTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void TheCheckIsOffUnlessConfigured(string? setting, bool expected)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Entitle"] = "Data Source=" + Path.Combine(Path.GetTempPath(), "entitle-checks-" + Guid.NewGuid().ToString("N") + ".db") };
        if (setting is not null)
        {
            values["Database:ThreadSafetyChecks"] = setting;
        }

        var services = new ServiceCollection().AddPersistence(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EntitleDbContext>();

        var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();
        Assert.NotNull(core);
        Assert.Equal(expected, core.ThreadSafetyChecksEnabled);
    }

    [Fact]
    public void DevelopmentRunsWithTheCheck()
    {
        var development = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"), optional: false).Build();

        Assert.Equal("True", development["Database:ThreadSafetyChecks"], ignoreCase: true);
    }
}
