using System.Net;
using System.Text.Json.Nodes;
using Entitle.Api.Tms;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Api.Tms;

/// <summary>The TMS conventions every method shares: routing, credentials, casing, parameters, the reference.</summary>
public abstract class TmsConventionTests(DatabaseProvider provider) : TmsTests(provider)
{
    [Fact]
    public async Task EveryMethodAnswersStatus30WithoutAKnownApiKey()
    {
        var methods = App.Services.GetRequiredService<TmsMethods>();
        foreach (var method in methods.All)
        {
            foreach (var name in method.Names)
            {
                foreach (var key in new[] { null, "", "not-a-key" })
                {
                    var before = await DatabaseSnapshot.TakeAsync(App.Database);
                    var answer = await TmsAsync($"{name}?id=1&subscriptionProfileId=1&expirationDate={In2030}&clubId=1&userId=31&starts=1700000000&trainingKey=X&Name=N&FirstName=F&LastName=L&email=a@b.c", key);
                    var (status, error) = method.Casing == TmsCasing.Lower ? ("status", "error") : ("Status", "Error");
                    Assert.True(answer[status]?.GetValue<int>() == 30, $"{name}: {answer.ToJsonString()}");
                    Assert.Contains("Invalid integration key", answer[error]!.GetValue<string>(), StringComparison.Ordinal);
                    Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));
                }
            }
        }
    }

    [Fact]
    public async Task MethodAndParameterNamesIgnoreCaseAndPostWorksLikeGet()
    {
        Assert.Equal("Edsger", (await OkAsync("getuser?ID=35"))["User"]!["FirstName"]!.GetValue<string>());
        Assert.Equal("Edsger", (await OkAsync("GETUSER/35"))["User"]!["FirstName"]!.GetValue<string>());

        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/2.0/CreateUser?FirstName=Form")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["lastname"] = "Posted", ["EMAIL"] = "form@example.com" }),
        };
        form.Headers.Add("api_key", TestApp.RootKey);
        using var response = await App.Http.SendAsync(form);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(0, created["Status"]!.GetValue<int>());
        var user = (await OkAsync($"GetUser/{created["UserId"]}"))["User"]!;
        Assert.Equal("Form Posted form@example.com", $"{user["FirstName"]} {user["LastName"]} {user["Email"]}");
    }

    [Fact]
    public async Task RepeatedParametersAreRefusedAndUnknownOnesIgnored()
    {
        await FailsAsync("GetUser?id=35&ID=36", 10, "given more than once");
        await FailsAsync("GetUser/35?id=36", 10, "given more than once");
        Assert.Equal(35, (await OkAsync("GetUser?id=35&colour=blue"))["User"]!["Id"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnUnknownMethodIsNotFound()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/FlyToTheMoon");
        request.Headers.Add("api_key", TestApp.RootKey);
        using var response = await App.Http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(20, answer["Status"]!.GetValue<int>());
        Assert.Contains("FlyToTheMoon", answer["Error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryMethodAndParameter()
    {
        var document = JsonNode.Parse(await App.Http.GetStringAsync("/api/2.0/openapi.json"))!;
        var methods = App.Services.GetRequiredService<TmsMethods>();

        Assert.Equal("3.0.3", document["openapi"]!.GetValue<string>());
        Assert.Equal("header", document["components"]!["securitySchemes"]!["api_key"]!["in"]!.GetValue<string>());
        foreach (var method in methods.All)
        {
            foreach (var name in method.Names)
            {
                var path = document["paths"]![$"/api/2.0/{name}"];
                Assert.True(path is not null, name);
                var declared = path!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
                Assert.Equal(method.Parameters.Select(p => p.Name), declared);
                Assert.NotNull(path["post"]);
                var answer = path["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key);
                Assert.Equal(method.Answer.Select(a => a.Name).Prepend(method.Casing == TmsCasing.Lower ? "error" : "Error").Prepend(method.Casing == TmsCasing.Lower ? "status" : "Status"), answer);
            }
        }

        Assert.Equal(36, document["paths"]!.AsObject().Count);
    }

    [Fact]
    public void TheApiPageListsEveryMethodAndItsParameters()
    {
        var page = File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "tms-api.md"));

        foreach (var method in App.Services.GetRequiredService<TmsMethods>().All)
        {
            foreach (var name in method.Names)
            {
                Assert.Contains($"`{name}`", page, StringComparison.Ordinal);
            }

            Assert.All(method.Parameters, p => Assert.Contains($"`{p.Name}`", page, StringComparison.Ordinal));
        }
    }

    public sealed class OnSqlite() : TmsConventionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TmsConventionTests(DatabaseProvider.Postgres);
}
