using System.Text.Json.Nodes;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// Makes an organization below the root (or below another organization) and fills it, with its own credential only, with one of
/// everything the two APIs offer: learners, a course, a learning path, a published pass type with an option and a
/// price, a draft pass type, a webhook endpoint (made first, so the later changes leave deliveries), a subscription
/// with a course start, a cancelled subscription, training keys (one of them redeemed) and a child organization.
/// </summary>
public static class TenantBuilder
{
    /// <summary>2030-01-01T00:00:00Z: keys made here stay redeemable for as long as the tests' clock runs.</summary>
    public const long KeysExpire = 1_893_456_000;

    public static async Task<Tenant> ArrangeAsync(IsolationClient client, string word, long now, string parentKey = TestApp.RootKey)
    {
        var upper = word.ToUpperInvariant();
        var lower = word.ToLowerInvariant();
        var created = await client.OkAsync(TmsQuery.Of("CreateOrganization", ("Name", $"{word} Org"), ("ExternalId", $"{lower}-org")), parentKey);
        var organization = Number(created, "OrganizationId");
        var key = created["IntegrationKey"]!.GetValue<string>();

        var child = Number(await client.OkAsync(TmsQuery.Of("CreateOrganization", ("Name", $"{word} Child"), ("ExternalId", $"{lower}-child")), key), "OrganizationId");
        var contact = await UserAsync(client, key, word, "Learner", $"learner@{lower}.test", $"{lower}-user");
        var other = await UserAsync(client, key, word, "Second", $"second@{lower}.test", $"{lower}-second");
        var spare = await UserAsync(client, key, word, "Spare", $"spare@{lower}.test", $"{lower}-spare");

        var webhook = LegacyId(await client.MutateAsync(
            $$"""mutation { webhooks { create(input: {url: "https://{{lower}}.example/hooks", eventTypes: ["pass.issued", "pass.renewed", "course.started", "key.redeemed", "keys.minted"]}) { webhook { legacyId } errors { label } } } }""", key), "webhook");
        var course = LegacyId(await client.MutateAsync(
            $$"""mutation { courseTemplate { create(input: {code: "{{upper}}-C1", title: "{{word}} basics", lifecycleState: published}) { courseTemplate { legacyId } errors { label } } } }""", key), "courseTemplate");
        var path = LegacyId(await client.MutateAsync(
            $$"""mutation { learningPaths { create(input: {code: "{{upper}}-P1", name: "{{word}} path", courseIds: ["{{Ids.Course(course)}}"], lifecycleState: published}) { learningPath { legacyId } errors { label } } } }""", key), "learningPath");
        var type = LegacyId(await client.MutateAsync(
            $$"""mutation { trainingPass { createType(input: {code: "{{upper}}-T1", name: "{{word}} pass"}) { trainingPassType { legacyId } errors { label } } } }""", key), "trainingPassType");
        await client.MutateAsync(
            $$"""mutation { trainingPass { addContentToPassType(input: {trainingPassTypeId: "{{Ids.Type(type)}}", courseIds: ["{{Ids.Course(course)}}"], pathIds: ["{{Ids.Path(path)}}"]}) { errors { label } } } }""", key);
        var option = LegacyId(await client.MutateAsync(
            $$"""mutation { trainingPass { createTypeOption(input: {trainingPassTypeId: "{{Ids.Type(type)}}", name: "{{word}} monthly", validityPeriod: {unit: months, value: 1} }) { trainingPassTypeOption { legacyId } errors { label } } } }""", key), "trainingPassTypeOption");
        var price = LegacyId(await client.MutateAsync(
            $$"""mutation { trainingPass { createTypeOptionPrice(input: {trainingPassTypeOptionId: "{{Ids.Option(option)}}", currencyCode: "EUR", amount: "10.00"}) { trainingPassTypeOptionPrice { legacyId } errors { label } } } }""", key), "trainingPassTypeOptionPrice");
        await client.MutateAsync($$"""mutation { trainingPass { updateTypeOption(input: {trainingPassTypeOptionId: "{{Ids.Option(option)}}", lifecycleState: published}) { errors { label } } } }""", key);
        await client.MutateAsync($$"""mutation { trainingPass { updateType(input: {trainingPassTypeId: "{{Ids.Type(type)}}", lifecycleState: published}) { errors { label } } } }""", key);
        var draft = LegacyId(await client.MutateAsync(
            $$"""mutation { trainingPass { createType(input: {code: "{{upper}}-T2", name: "{{word}} draft"}) { trainingPassType { legacyId } errors { label } } } }""", key), "trainingPassType");

        var subscription = Number(await client.OkAsync(TmsQuery.Of("CreateSubscription", ("clubId", type), ("userId", contact), ("starts", now), ("externalId", $"{lower}-sub")), key), "ClubMembershipId");
        var start = Number(await client.OkAsync(TmsQuery.Of("CreateCourseAssignment", ("userId", contact), ("courseId", course), ("ClubMembershipId", subscription), ("externalId", $"{lower}-start")), key), "CourseAssignmentId");
        var cancelled = Number(await client.OkAsync(TmsQuery.Of("CreateSubscription", ("clubId", type), ("userId", other), ("starts", now), ("externalId", $"{lower}-cancelled")), key), "ClubMembershipId");
        await client.OkAsync(TmsQuery.Of("DeleteSubscription", ("id", cancelled)), key);
        var keys = (await client.OkAsync(TmsQuery.Of("CreateSubscriptionTrainingKeys", ("subscriptionProfileId", type), ("expirationDate", KeysExpire), ("maxKeyUses", 5), ("trainingKeys", $"{upper}-KEY-1,{upper}-KEY-2,{upper}-KEY-3")), key))["CreateSubscriptionsResults"]!.AsArray();
        await client.OkAsync(TmsQuery.Of("RedeemSubscriptionTrainingKey", ("trainingKey", $"{upper}-KEY-1"), ("userId", contact)), key);

        return new Tenant
        {
            Word = word,
            Key = key,
            Organization = organization,
            Child = child,
            Contact = contact,
            OtherContact = other,
            SpareContact = spare,
            Course = course,
            Path = path,
            Type = type,
            DraftType = draft,
            Option = option,
            Price = price,
            Webhook = webhook,
            Subscription = subscription,
            CancelledSubscription = cancelled,
            CourseStart = start,
            KeyId = Number(keys[0]!, "Id"),
            SpareKeyId = Number(keys[1]!, "Id"),
        };
    }

    /// <summary>
    /// The organization's learners take up what the root shares with every organization: the demo's Gold pass
    /// (profile 1) is assigned, its course ABC-123 (course 1) started, and a key of it minted and redeemed. A sibling
    /// reads the same shared rows, so none of this may show in what the sibling sees.
    /// </summary>
    public static async Task UseRootCatalogAsync(IsolationClient client, Tenant tenant, long now)
    {
        const int Gold = 1;
        const int Abc123 = 1;
        var pass = (await client.OkAsync(TmsQuery.Of("CreateSubscription", ("clubId", Gold), ("userId", tenant.OtherContact), ("starts", now)), tenant.Key))["ClubMembershipId"]!.GetValue<int>();
        await client.OkAsync(TmsQuery.Of("CreateCourseAssignment", ("userId", tenant.OtherContact), ("courseId", Abc123), ("ClubMembershipId", pass)), tenant.Key);
        await client.MutateAsync($$"""mutation { trainingPass { renewPass(input: {trainingPassId: "{{Ids.Pass(pass)}}"}) { errors { label } } } }""", tenant.Key);
        await client.OkAsync(TmsQuery.Of("CreateSubscriptionTrainingKeys", ("subscriptionProfileId", Gold), ("expirationDate", KeysExpire), ("trainingKeys", $"{tenant.Upper}-GOLD-1")), tenant.Key);
        await client.OkAsync(TmsQuery.Of("RedeemSubscriptionTrainingKey", ("trainingKey", $"{tenant.Upper}-GOLD-1"), ("userId", tenant.Contact)), tenant.Key);
    }

    private static async Task<int> UserAsync(IsolationClient client, string key, string first, string last, string email, string externalId) =>
        Number(await client.OkAsync(TmsQuery.Of("CreateUser", ("FirstName", first), ("LastName", last), ("Email", email), ("ExternalId", externalId), ("UserName", email)), key), "UserId");

    private static int Number(JsonNode node, string field) => node[field]!.GetValue<int>();

    private static int LegacyId(JsonObject payload, string field) => payload[field]!["legacyId"]!.GetValue<int>();
}
