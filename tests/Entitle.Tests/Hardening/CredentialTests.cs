using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Entitle.Application.Organizations;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Hardening;

/// <summary>
/// Credentials: what a copy of the database reveals (nothing usable), and rotation through both APIs (the old
/// credential refused at once, by every app on the database).
/// </summary>
public abstract class CredentialTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private const string Rotate = "mutation($input: AccountRotateCredentialInput!) { account { rotateCredential(input: $input) { account { id } credential errors { label message } } } }";

    [Fact]
    public async Task ACopyOfTheDatabaseHoldsNoCredentialInClear()
    {
        var (acme, acmeFirst) = await App.CreateAccountAsync("Credential Co");
        var (_, globex) = await App.CreateAccountAsync("Other Co");

        // Rotations sent with an Idempotency-Key keep their answer, with the new credential in it, for replay.
        var byGraphQL = await RotateWithIdempotencyKeyAsync(acmeFirst, "rotate-1");
        var byTms = await TmsRotateWithIdempotencyKeyAsync(TestApp.RootKey, acme, "rotate-2");
        var replayed = await TmsRotateWithIdempotencyKeyAsync(TestApp.RootKey, acme, "rotate-2");
        Assert.Equal(byTms, replayed);
        string[] secrets = [TestApp.RootKey, acmeFirst, globex, byGraphQL, byTms];

        var dump = await DatabaseSnapshot.TakeAsync(App.Database);
        var hasher = App.Services.GetRequiredService<CredentialHasher>();
        Assert.All(secrets, s => Assert.DoesNotContain(s, dump, StringComparison.Ordinal));
        // The dump does hold the credentials, as keyed hashes: the search above looked where they are.
        Assert.All(secrets, s => Assert.Contains(hasher.Hash(s), dump, StringComparison.Ordinal));

        if (Provider == DatabaseProvider.Sqlite)
        {
            var bytes = await DatabaseFilesAsync();
            Assert.All(secrets, s => Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s))));
            Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(hasher.Hash(byTms))));
        }
    }

    [Fact]
    public async Task AnAccountRotatesItsOwnCredentialOverGraphQLAndTheOldOneIsRefusedAtOnce()
    {
        var (_, first) = await App.CreateAccountAsync("Rotating Co");
        await AssertServedAsync(first);

        var payload = (await App.GraphQLAsync(Rotate, new { input = new { } }, first)).At("data.account.rotateCredential");
        Assert.Empty(payload["errors"]!.AsArray());
        var second = payload.Text("credential");

        Assert.NotEqual(first, second);
        await AssertRefusedAsync(first);
        await AssertServedAsync(second);
        var audit = await App.GraphQLAsync("{ auditEvents(filters: [{field: entityType, operation: eq, value: \"Credential\"}]) { edges { node { action after } } } }");
        var actions = audit.At("data.auditEvents.edges").AsArray().Select(e => e!.Text("node.action")).ToList();
        Assert.Contains("updated", actions);
        Assert.Contains("created", actions);
        Assert.DoesNotContain(App.Services.GetRequiredService<CredentialHasher>().Hash(second), TestApp.Json(audit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParentRotatesAChildsCredentialOverTmsAndEveryAppOnTheDatabaseRefusesTheOldOne()
    {
        var (account, first) = await App.CreateAccountAsync("Child Co");
        await using var second = await TestApp.StartAsync(App.Database, demo: false, now: null, settings: null);
        await AssertServedAsync(first, App);
        await AssertServedAsync(first, second);

        var answer = await TmsAsync(App, $"RotateOrganizationIntegrationKey?id={IdOf(account)}", TestApp.RootKey);
        Assert.Equal(0, answer["Status"]!.GetValue<int>());
        var rotated = answer.Text("IntegrationKey");

        await AssertRefusedAsync(first, App);
        await AssertRefusedAsync(first, second);
        await AssertServedAsync(rotated, App);
        await AssertServedAsync(rotated, second);
    }

    [Fact]
    public async Task ASiblingCannotRotateAnotherAccountsCredentialAndLearnsNothing()
    {
        var (target, targetKey) = await App.CreateAccountAsync("Target Co");
        var (_, sibling) = await App.CreateAccountAsync("Sibling Co");
        var before = await DatabaseSnapshot.TakeAsync(App.Database);

        var onTarget = await App.GraphQLAsync(Rotate, new { input = new { accountId = target } }, sibling);
        var onNothing = await App.GraphQLAsync(Rotate, new { input = new { accountId = Ids.Account(999_999) } }, sibling);
        var tmsOnTarget = await TmsAsync(App, $"RotateOrganizationIntegrationKey?id={IdOf(target)}", sibling);
        var tmsOnNothing = await TmsAsync(App, "RotateOrganizationIntegrationKey?id=999999", sibling);

        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));
        await AssertServedAsync(targetKey);
        Assert.Equal("accountId", onTarget.Text("data.account.rotateCredential.errors.0.label"));
        Assert.True(onTarget.IsNull("data.account.rotateCredential.credential"));
        Assert.Equal(
            TestApp.Json(onNothing).Replace(Ids.Account(999_999), "ID", StringComparison.Ordinal),
            TestApp.Json(onTarget).Replace(target, "ID", StringComparison.Ordinal));
        Assert.NotEqual(0, tmsOnTarget["Status"]!.GetValue<int>());
        Assert.Equal(
            TestApp.Json(tmsOnNothing).Replace("999999", "ID", StringComparison.Ordinal),
            TestApp.Json(tmsOnTarget).Replace(IdOf(target).ToString(System.Globalization.CultureInfo.InvariantCulture), "ID", StringComparison.Ordinal));
    }

    private static int IdOf(string globalId) => int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> RotateWithIdempotencyKeyAsync(string credential, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Rotate, variables = new { input = new { } } }) };
        request.Headers.Authorization = new("Bearer", credential);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await App.Http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, TestApp.Json(answer));
        return answer.Text("data.account.rotateCredential.credential");
    }

    private async Task<string> TmsRotateWithIdempotencyKeyAsync(string credential, string account, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/2.0/RotateOrganizationIntegrationKey?id={IdOf(account)}");
        request.Headers.Add("api_key", credential);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await App.Http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(answer["Status"]?.GetValue<int>() == 0, TestApp.Json(answer));
        return answer.Text("IntegrationKey");
    }

    /// <summary>The SQLite database file with its write-ahead log, as a thief copying the directory would get them.</summary>
    private async Task<byte[]> DatabaseFilesAsync()
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(App.Database.ConnectionString).DataSource;
        var bytes = new List<byte>();
        foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes.AddRange(copy.ToArray());
        }

        Assert.NotEmpty(bytes);
        return [.. bytes];
    }

    private Task AssertServedAsync(string credential) => AssertServedAsync(credential, App);

    private Task AssertRefusedAsync(string credential) => AssertRefusedAsync(credential, App);

    private static async Task AssertServedAsync(string credential, TestApp app)
    {
        using var graphQL = await app.PostGraphQLAsync("{ regions { edges { node { id } } } }", credential: credential);
        Assert.Equal(HttpStatusCode.OK, graphQL.StatusCode);
        var tms = await TmsAsync(app, "SearchSubscriptionProfiles", credential);
        Assert.Equal(0, tms["Status"]!.GetValue<int>());

        // CheckCourseAccess checks the credential inside its own statement; the learner may be out of reach (20).
        var check = await TmsAsync(app, "CheckCourseAccess?userId=31&courseId=1", credential);
        Assert.Contains(check["Status"]!.GetValue<int>(), new[] { 0, 20 });
    }

    private static async Task AssertRefusedAsync(string credential, TestApp app)
    {
        using var graphQL = await app.PostGraphQLAsync("{ regions { edges { node { id } } } }", credential: credential);
        Assert.Equal(HttpStatusCode.Unauthorized, graphQL.StatusCode);
        var tms = await TmsAsync(app, "SearchSubscriptionProfiles", credential);
        Assert.Equal(30, tms["Status"]!.GetValue<int>());
        var check = await TmsAsync(app, "CheckCourseAccess?userId=31&courseId=1", credential);
        Assert.Equal(30, check["Status"]!.GetValue<int>());
    }

    private static async Task<JsonNode> TmsAsync(TestApp app, string methodAndQuery, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/2.0/" + methodAndQuery);
        request.Headers.Add("api_key", credential);
        using var response = await app.Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public sealed class OnSqlite() : CredentialTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CredentialTests(DatabaseProvider.Postgres);
}
