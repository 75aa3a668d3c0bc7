using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.Tms;

/// <summary>
/// A sibling organization's api_key can neither see nor change another's keys, subscriptions, users, profiles or
/// organizations through any method, search included, and its refusals read exactly like those for unknown ids.
/// </summary>
public abstract class TmsTenancyTests(DatabaseProvider provider) : TmsTests(provider)
{
    [Fact]
    public async Task ASiblingSeesNothingAndChangesNothing()
    {
        var a = await ArrangeAsync();
        var created = await OkAsync("CreateOrganization?Name=Bravo");
        var b = created["IntegrationKey"]!.GetValue<string>();
        var bUser = (await OkAsync("CreateUser?FirstName=Bea&LastName=Bravo", b))["UserId"]!.GetValue<int>();

        // Searches leave the sibling's rows out.
        Assert.DoesNotContain(a.KeyId, ResultIds(await OkAsync("SearchSubscriptionTrainingKeys?pageSize=1000", b)));
        Assert.Empty(ResultIds(await OkAsync($"SearchSubscriptionTrainingKeys?trainingKey={a.KeyText}", b)));
        Assert.Empty(ResultIds(await OkAsync($"SearchSubscriptionTrainingKeys?organizationId={a.Organization}", b)));
        Assert.Empty(ResultIds(await OkAsync("SearchSubscriptions?pageSize=1000", b)));
        Assert.Empty(ResultIds(await OkAsync($"SearchSubscriptions?userId={a.User}", b)));
        Assert.DoesNotContain(a.Profile, ResultIds(await OkAsync("SearchClubs?pageSize=1000", b)));
        Assert.Empty(ResultIds(await OkAsync($"SearchClubs?courseId={a.Course}", b)));
        Assert.DoesNotContain(a.Course, ResultIds(await OkAsync("SearchCourses?pageSize=1000", b)));

        // Every id-taking method answers a foreign id exactly as an unknown one.
        (string Call, string Unknown, int Status)[] attempts =
        [
            ($"GetSubscription?id={a.Subscription}", "GetSubscription?id=9999", 20),
            ("GetSubscriptionByExternalId?id=alpha-sub", "GetSubscriptionByExternalId?id=nothing", 20),
            ($"UpdateSubscription?id={a.Subscription}&clubId={a.Profile}&userId={bUser}&starts=1700000000", $"UpdateSubscription?id=9999&clubId={a.Profile}&userId={bUser}&starts=1700000000", 20),
            ($"DeleteSubscription?id={a.Subscription}", "DeleteSubscription?id=9999", 20),
            ($"CreateSubscription?clubId={a.Profile}&userId={bUser}&starts=1700000000", $"CreateSubscription?clubId=9999&userId={bUser}&starts=1700000000", 20),
            ($"CreateSubscription?clubId={Gold}&userId={a.User}&starts=1700000000", $"CreateSubscription?clubId={Gold}&userId=9999&starts=1700000000", 20),
            ($"UpdateSubscriptionTrainingKey?Id={a.KeyId}&trainingKey=X&subscriptionProfileId={Gold}&expirationDate={In2030}", $"UpdateSubscriptionTrainingKey?Id=9999&trainingKey=X&subscriptionProfileId={Gold}&expirationDate={In2030}", 20),
            ($"DeleteSubscriptionTrainingKey?id={a.KeyId}", "DeleteSubscriptionTrainingKey?id=9999", 20),
            ($"RedeemSubscriptionTrainingKey?trainingKey={a.KeyText}&userId={bUser}", $"RedeemSubscriptionTrainingKey?trainingKey=NOT-A-KEY&userId={bUser}", 20),
            ($"CreateSubscriptionTrainingKeys?subscriptionProfileId={a.Profile}&expirationDate={In2030}", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=9999&expirationDate={In2030}", 10),
            ($"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&organizationId={a.Organization}", $"CreateSubscriptionTrainingKeys?subscriptionProfileId={Gold}&expirationDate={In2030}&organizationId=9999", 10),
            ($"GetUser?id={a.User}", "GetUser?id=9999", 20),
            ("GetUserByEmail?email=al@alpha.test", "GetUserByEmail?email=nobody@alpha.test", 20),
            ("GetUserByExternalId?id=alpha-user", "GetUserByExternalId?id=nobody", 20),
            ($"UpdateUser?Id={a.User}&FirstName=X", "UpdateUser?Id=9999&FirstName=X", 20),
            ($"DeleteUser?Id={a.User}", "DeleteUser?Id=9999", 20),
            ($"CreateUser?FirstName=X&LastName=Y&OrganizationId={a.Organization}", "CreateUser?FirstName=X&LastName=Y&OrganizationId=9999", 20),
            ($"UpdateUser?Id={bUser}&OrganizationId={a.Organization}", $"UpdateUser?Id={bUser}&OrganizationId=9999", 20),
            ($"GetOrganization?id={a.Organization}", "GetOrganization?id=9999", 20),
            ("GetOrganizationByExternalId?id=alpha-org", "GetOrganizationByExternalId?id=nothing", 20),
            ($"UpdateOrganization?id={a.Organization}&Name=X", "UpdateOrganization?id=9999&Name=X", 20),
            ($"DeleteOrganization?id={a.Organization}", "DeleteOrganization?id=9999", 20),
            ($"CreateOrganization?Name=X&ParentId={a.Organization}", "CreateOrganization?Name=X&ParentId=9999", 20),
            ($"GetCourse?id={a.Course}", "GetCourse?id=9999", 20),
        ];
        foreach (var (call, unknown, status) in attempts)
        {
            var foreign = await FailsAsync(call, status, "", b);
            var missing = await FailsAsync(unknown, status, "", b);
            Assert.Equal(ErrorOf(missing), ErrorOf(foreign));
        }
    }

    private async Task<Alpha> ArrangeAsync()
    {
        var created = await OkAsync("CreateOrganization?Name=Alpha&ExternalId=alpha-org");
        var organization = created["OrganizationId"]!.GetValue<int>();
        var key = created["IntegrationKey"]!.GetValue<string>();
        var user = (await OkAsync("CreateUser?FirstName=Al&LastName=Pha&Email=al@alpha.test&ExternalId=alpha-user", key))["UserId"]!.GetValue<int>();
        var course = (await SucceedsAsync("mutation { courseTemplate { create(input: {code: \"AL-1\", title: \"Alpha basics\", lifecycleState: published}) { courseTemplate { legacyId } errors { label } } } }", key)).At("courseTemplate.legacyId").GetValue<int>();
        var type = (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"ALPHA\", name: \"Alpha pass\"}) { trainingPassType { id legacyId } errors { label } } } }", key)).At("trainingPassType");
        await SucceedsAsync($"mutation {{ trainingPass {{ addContentToPassType(input: {{trainingPassTypeId: \"{type.Text("id")}\", courseIds: [\"{Ids.Course(course)}\"]}}) {{ errors {{ label }} }} }} }}", key);
        var option = (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{type.Text("id")}\", name: \"Monthly\", validityPeriod: {{unit: months, value: 1}}}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}", key)).Text("trainingPassTypeOption.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{option}\", lifecycleState: published}}) {{ errors {{ label }} }} }} }}", key);
        await SucceedsAsync($"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{type.Text("id")}\", lifecycleState: published}}) {{ errors {{ label }} }} }} }}", key);
        var profile = type.At("legacyId").GetValue<int>();
        var minted = Assert.Single(await MintAsync($"subscriptionProfileId={profile}&expirationDate={In2030}&maxKeyUses=5&trainingKeys=ALPHA-KEY", key));
        var subscription = (await OkAsync($"CreateSubscription?clubId={profile}&userId={user}&starts=1700000000&externalId=alpha-sub", key))["ClubMembershipId"]!.GetValue<int>();
        return new Alpha(organization, user, course, profile, minted.Id, minted.Key, subscription);
    }

    private static string ErrorOf(System.Text.Json.Nodes.JsonNode answer) => (answer["Error"] ?? answer["error"])!.GetValue<string>();

    private static List<int> ResultIds(System.Text.Json.Nodes.JsonNode answer) => answer["Results"]!.AsArray().Select(r => r!["Id"]!.GetValue<int>()).ToList();

    private sealed record Alpha(int Organization, int User, int Course, int Profile, int KeyId, string KeyText, int Subscription);

    public sealed class OnSqlite() : TmsTenancyTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TmsTenancyTests(DatabaseProvider.Postgres);
}
