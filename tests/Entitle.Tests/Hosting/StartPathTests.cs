using System.Net;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Entitle.Tests.Hosting;

/// <summary>
/// The way from a start to the first answered API request compiles no LINQ query: the first compilation brings up
/// EF Core's whole query pipeline (170 ms in a trace of a start on PostgreSQL; docs/benchmarks.md, W6). A start on a
/// current database checks its migrations and its root organization with statements written by hand (and leaves EF
/// Core's migration machinery idle), and the web pages' key ring is loaded by the first page that needs it, not by
/// the host as it starts.
/// </summary>
public abstract class StartPathTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string BootstrapKey = "start-path-key";
    private const string QueryCompiled = "Compiling query expression";

    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await EmptyDatabase.CreateAsync(provider);

    [Fact]
    public async Task ARestartCompilesNoQueryBeforeItsFirstAnswer()
    {
        // The first start migrates and creates the root organization; EF Core compiles queries for that, as it may.
        await using (var first = await AppProcess.StartAsync(Environment()))
        {
            await first.StopAsync();
        }

        await using var second = await AppProcess.StartAsync(new Dictionary<string, string?>(Environment())
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Query"] = "Debug",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        using var check = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/CheckCourseAccess?userId=1&courseId=1");
        check.Headers.Add("api_key", BootstrapKey);
        Assert.Equal(HttpStatusCode.OK, (await second.Http.SendAsync(check)).StatusCode);

        // A page with a form needs the key ring: it is loaded (and its first key created) now, through LINQ queries,
        // which shows that the log would have told a compilation before the first answer.
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/admin/sign-in")).StatusCode);
        await second.StopAsync();

        var lines = second.Output.Split('\n');
        var firstAnswer = Array.FindIndex(lines, l => l.Contains("CheckCourseAccess answered 200", StringComparison.Ordinal));
        var firstCompilation = Array.FindIndex(lines, l => l.Contains(QueryCompiled, StringComparison.Ordinal));
        Assert.True(firstAnswer >= 0, second.Output);
        Assert.True(firstCompilation > firstAnswer, $"A query was compiled before the first answer (line {firstCompilation}, answer at {firstAnswer}):\n{second.Output}");

        // EF Core's migration machinery (a model of its history table built by convention) stayed idle: the history
        // was read by hand, past EF's command log, which shows the statements that did go through EF.
        var beforeTheAnswer = lines[..firstAnswer];
        Assert.Contains(beforeTheAnswer, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(beforeTheAnswer, l => l.Contains("__EFMigrationsHistory", StringComparison.Ordinal));
        Assert.DoesNotContain("Applying", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostStartsNothingThatLoadsTheKeyRing()
    {
        await using var app = Program.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration["Database:Provider"] = provider.ToString();
            builder.Configuration["ConnectionStrings:Entitle"] = _connectionString;
        });

        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        Assert.Contains(typeof(Entitle.Hosting.BackgroundWorker), hosted);
        Assert.DoesNotContain(hosted, t => t.Assembly == typeof(KeyManagementOptions).Assembly);
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["Database__Provider"] = provider.ToString(),
        ["ConnectionStrings__Entitle"] = _connectionString,
        ["ENTITLE_BOOTSTRAP_KEY"] = BootstrapKey,
    };

    public Task DisposeAsync() => EmptyDatabase.DropAsync(provider, _connectionString);

    public sealed class OnSqlite() : StartPathTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : StartPathTests(DatabaseProvider.Postgres);
}
