using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>
/// Each trainingPass mutation refuses bad input with a precise errors entry (label = the input field) and leaves
/// the database unchanged. The demo catalog is the fixture: Gold pass (type 1, option 1, price 1, pass 1 held by
/// contact 31), courses 1-12, paths 1-3, regions DR/EU/NA/UK, accounts 2 (contacts 31-35) and 3 (36-40).
/// </summary>
public abstract class TrainingPassMutationRefusalTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private const string Errors = "errors { label message value }";

    [Fact]
    public async Task CreateTypeRefusesBlankNamesAndTakenCodes()
    {
        await RefusedAsync(CreateType("\"S1\"", "\"   \""), "name", messageContains: "blank");
        await RefusedAsync(CreateType("\"\"", "\"Silver\""), "code");
        var taken = await RefusedAsync(CreateType("\"gold\"", "\"Another gold\""), "code", messageContains: "already exists");
        Assert.Equal("gold", taken["value"]!.GetValue<string>());
        await RefusedAsync(CreateType("\"S2\"", $"\"{new string('x', 201)}\""), "name", messageContains: "at most 200");
    }

    [Fact]
    public async Task UpdateTypeRefusesUnknownForeignAndMalformedIdsTheSameWay()
    {
        var (acmeTypeId, _) = await CreateTypeAsAcmeAsync();
        var (_, globexKey) = await App.CreateAccountAsync("Sibling of nobody");

        var unknown = await RefusedAsync(UpdateType(Ids.Type(999), "name: \"x\""), "trainingPassTypeId");
        var wrongType = await RefusedAsync(UpdateType(Ids.Person(31), "name: \"x\""), "trainingPassTypeId");
        var malformed = await RefusedAsync(UpdateType("not-an-id", "name: \"x\""), "trainingPassTypeId");
        var foreign = await RefusedAsync(UpdateType(acmeTypeId, "name: \"x\""), "trainingPassTypeId", credential: globexKey);

        Assert.All(new[] { wrongType, malformed, foreign }, e => Assert.Equal(unknown["message"]!.GetValue<string>(), e["message"]!.GetValue<string>()));
        Assert.Equal("not-an-id", malformed["value"]!.GetValue<string>());
        Assert.Equal(acmeTypeId, foreign["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateTypeEnforcesThePublishRuleAndTheLifecycle()
    {
        var draft = (await SucceedsAsync(CreateType("\"SILVER\"", "\"Silver pass\""))).Text("trainingPassType.id");

        await RefusedAsync(UpdateType(draft, "lifecycleState: published"), "lifecycleState", messageContains: "published option");
        await RefusedAsync(UpdateType(draft, "lifecycleState: archived"), "lifecycleState", messageContains: "draft");
        await RefusedAsync(UpdateType(Ids.Type(1), "lifecycleState: draft"), "lifecycleState", messageContains: "cannot return to draft");
        await RefusedAsync(UpdateType(Ids.Type(1), "name: \"\""), "name");
        await RefusedAsync(UpdateType(draft, "code: \"GOLD\""), "code", messageContains: "already exists");
    }

    [Fact]
    public async Task AParentsTypeIsReadOnlyForAChild()
    {
        var (_, acmeKey) = await ExistingAcmeAsync();

        var error = await RefusedAsync(UpdateType(Ids.Type(1), "name: \"Mine now\""), "trainingPassTypeId", credential: acmeKey);

        Assert.Contains("read-only", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentChangesRefuseUnknownAndWrongIds()
    {
        var unknownCourse = await RefusedAsync(AddContent(Ids.Type(1), $"courseIds: [\"{Ids.Course(2)}\", \"{Ids.Course(99)}\"]"), "courseIds");
        Assert.Equal(Ids.Course(99), unknownCourse["value"]!.GetValue<string>());
        await RefusedAsync(AddContent(Ids.Type(1), $"pathIds: [\"{Ids.Course(1)}\"]"), "pathIds");
        await RefusedAsync(AddContent(Ids.Type(77), $"courseIds: [\"{Ids.Course(2)}\"]"), "trainingPassTypeId");
        var notIncluded = await RefusedAsync(RemoveContent(Ids.Type(1), $"courseIds: [\"{Ids.Course(5)}\"]"), "courseIds", messageContains: "not part of");
        Assert.Equal(Ids.Course(5), notIncluded["value"]!.GetValue<string>());
        await RefusedAsync(RemoveContent(Ids.Type(1), $"pathIds: [\"{Ids.Path(2)}\"]"), "pathIds");
    }

    [Fact]
    public async Task ContentOwnedByAnotherOrganizationCannotBeAdded()
    {
        var (acmeId, acmeKey) = await ExistingAcmeAsync();
        var course = (await SucceedsAsync("mutation { courseTemplate { create(input: {code: \"ACME-1\", title: \"Acme only\"}) { courseTemplate { id } errors { label } } } }", acmeKey)).Text("courseTemplate.id");
        _ = acmeId;

        // Root's type would grant Acme's private course to learners outside Acme.
        await RefusedAsync(AddContent(Ids.Type(1), $"courseIds: [\"{course}\"]"), "courseIds");
    }

    [Fact]
    public async Task CreateTypeOptionRefusesBadPeriodsAndNames()
    {
        var negative = await RefusedAsync(CreateOption(Ids.Type(1), "\"Weekly\"", "weeks", "-1"), "validityPeriod.value", messageContains: "positive");
        Assert.Equal("-1", negative["value"]!.GetValue<string>());
        await RefusedAsync(CreateOption(Ids.Type(1), "\"Never\"", "days", "0"), "validityPeriod.value");
        await RefusedAsync(CreateOption(Ids.Type(1), "\"Forever\"", "years", "500"), "validityPeriod.value", messageContains: "100 years");
        await RefusedAsync(CreateOption(Ids.Type(1), "\" \"", "days", "30"), "name");
        await RefusedAsync(CreateOption(Ids.Option(1), "\"Monthly\"", "months", "1"), "trainingPassTypeId");
    }

    [Fact]
    public async Task UpdateTypeOptionKeepsAPublishedTypePublishable()
    {
        await RefusedAsync(UpdateOption(Ids.Option(1), "lifecycleState: archived"), "lifecycleState", messageContains: "last published option");
        await RefusedAsync(UpdateOption(Ids.Option(1), "lifecycleState: draft"), "lifecycleState");
        await RefusedAsync(UpdateOption(Ids.Option(42), "name: \"x\""), "trainingPassTypeOptionId");
        await RefusedAsync(UpdateOption(Ids.Option(1), "validityPeriod: {unit: days, value: -3}"), "validityPeriod.value");
    }

    [Fact]
    public async Task CreateTypeOptionPriceRefusesBadAmountsCurrenciesRegionsAndDuplicates()
    {
        foreach (var amount in new[] { "12.345", "abc", "-5", "1e3", "", " ", "1.", ".5", "12,50", "99999999999" })
        {
            var error = await RefusedAsync(CreatePrice(Ids.Option(1), Ids.Region("EU"), "EUR", amount), "amount");
            Assert.Equal(amount, error["value"]!.GetValue<string>());
        }

        var currency = await RefusedAsync(CreatePrice(Ids.Option(1), Ids.Region("EU"), "XYZ", "10.00"), "currencyCode");
        Assert.Equal("XYZ", currency["value"]!.GetValue<string>());
        await RefusedAsync(CreatePrice(Ids.Option(1), Ids.Region("ZZ"), "EUR", "10.00"), "regionId");
        await RefusedAsync(CreatePrice(Ids.Option(1), Ids.Course(1), "EUR", "10.00"), "regionId");
        await RefusedAsync(CreatePrice(Ids.Option(1), Ids.Region("DR"), "USD", "130.00"), "currencyCode", messageContains: "already has a price");
        await RefusedAsync(CreatePrice(Ids.Option(9), Ids.Region("DR"), "USD", "130.00"), "trainingPassTypeOptionId");
    }

    [Fact]
    public async Task PriceUpdateAndDeleteRefuseUnknownPricesAndBadAmounts()
    {
        await RefusedAsync($"mutation {{ trainingPass {{ updateTypeOptionPrice(input: {{trainingPassTypeOptionPriceId: \"{Ids.Price(1)}\", amount: \"ten\"}}) {{ trainingPassTypeOptionPrice {{ id }} {Errors} }} }} }}", "amount");
        await RefusedAsync($"mutation {{ trainingPass {{ updateTypeOptionPrice(input: {{trainingPassTypeOptionPriceId: \"{Ids.Price(5)}\", amount: \"10\"}}) {{ trainingPassTypeOptionPrice {{ id }} {Errors} }} }} }}", "trainingPassTypeOptionPriceId");
        await RefusedAsync($"mutation {{ trainingPass {{ deleteTypeOptionPrice(input: {{trainingPassTypeOptionPriceId: \"{Ids.Option(1)}\"}}) {{ trainingPassTypeOptionPrice {{ id }} {Errors} }} }} }}", "trainingPassTypeOptionPriceId");
    }

    [Fact]
    public async Task IssuePassRefusesDraftTypesAndOptionsForeignContactsAndBackwardDates()
    {
        var silver = (await SucceedsAsync(CreateType("\"SILVER\"", "\"Silver pass\""))).Text("trainingPassType.id");
        var silverOption = (await SucceedsAsync(CreateOption(silver, "\"Monthly\"", "months", "1"))).Text("trainingPassTypeOption.id");
        var goldDraftOption = (await SucceedsAsync(CreateOption(Ids.Type(1), "\"Weekly\"", "weeks", "1"))).Text("trainingPassTypeOption.id");
        var (_, acmeKey) = await ExistingAcmeAsync();

        await RefusedAsync(Issue(silver, silverOption, Ids.Person(31)), "trainingPassTypeId", messageContains: "published");
        await RefusedAsync(Issue(Ids.Type(1), goldDraftOption, Ids.Person(31)), "trainingPassTypeOptionId", messageContains: "published");
        await RefusedAsync(Issue(Ids.Type(1), silverOption, Ids.Person(31)), "trainingPassTypeOptionId");
        await RefusedAsync(Issue(Ids.Type(1), Ids.Option(1), Ids.Person(300)), "contactId");
        await RefusedAsync(Issue(Ids.Type(1), Ids.Option(1), Ids.Account(2)), "contactId");
        await RefusedAsync(Issue(Ids.Type(1), Ids.Option(1), Ids.Person(36)), "contactId", credential: acmeKey);
        await RefusedAsync(Issue(Ids.Type(1), Ids.Option(1), Ids.Person(31), "validFrom: \"2023-06-01T00:00:00Z\" validUntil: \"2023-05-01T00:00:00Z\""), "validUntil");
        await RefusedAsync(Issue(Ids.Type(1), Ids.Option(1), Ids.Person(31), "validFrom: \"2023-06-01T00:00:00Z\" validUntil: \"2023-06-01T00:00:00Z\""), "validUntil");
    }

    [Fact]
    public async Task RenewRevokeAndReassignRefuseWhatTheRulesForbid()
    {
        await RefusedAsync(Renew(Ids.Pass(1), "validUntil: \"2020-01-01T00:00:00Z\""), "validUntil", messageContains: "later");
        await RefusedAsync(Renew(Ids.Pass(1), $"trainingPassTypeOptionId: \"{Ids.Option(77)}\""), "trainingPassTypeOptionId");
        await RefusedAsync(Renew(Ids.Pass(8), ""), "trainingPassId");
        await RefusedAsync(Reassign(Ids.Pass(1), Ids.Person(31)), "contactId", messageContains: "already held");
        await RefusedAsync(Reassign(Ids.Pass(1), Ids.Person(99)), "contactId");

        await SucceedsAsync(Revoke(Ids.Pass(1)));

        await RefusedAsync(Revoke(Ids.Pass(1)), "trainingPassId", messageContains: "revoked");
        await RefusedAsync(Renew(Ids.Pass(1), ""), "trainingPassId", messageContains: "revoked");
        await RefusedAsync(Reassign(Ids.Pass(1), Ids.Person(32)), "trainingPassId", messageContains: "revoked");
    }

    [Fact]
    public async Task APassCanOnlyGoToAContactInsideTheTypeOwnersSubtree()
    {
        var (acmeTypeId, acmeKey) = await CreateTypeAsAcmeAsync(publish: true);
        var acmeOption = (await App.GraphQLAsync($"{{ node(id: \"{acmeTypeId}\") {{ ... on TrainingPassType {{ options {{ edges {{ node {{ id }} }} }} }} }} }}", credential: acmeKey))
            .Text("data.node.options.edges.0.node.id");

        // Root sees every contact, but Acme Academy's type can only be held inside Acme Academy.
        await RefusedAsync(Issue(acmeTypeId, acmeOption, Ids.Person(36)), "contactId", messageContains: "outside");
        await RefusedAsync(Issue(acmeTypeId, acmeOption, Ids.Person(32)), "contactId", messageContains: "outside");

        var learner = (await SucceedsAsync("mutation { contact { create(input: {personalName: {firstName: \"Ann\", lastName: \"Academy\"}}) { contact { id } errors { label } } } }", acmeKey)).Text("contact.id");
        var pass = (await SucceedsAsync(Issue(acmeTypeId, acmeOption, learner))).Text("trainingPass.id");

        await RefusedAsync(Reassign(pass, Ids.Person(32)), "contactId", messageContains: "outside");
    }

    private async Task<(string Id, string Key)> ExistingAcmeAsync()
    {
        // The demo printed Acme's credential once; tests mint a fresh one by creating a child of Acme instead.
        var child = await App.CreateAccountAsync("Acme Training Team", Ids.Account(2));
        return child;
    }

    private async Task<(string TypeId, string Key)> CreateTypeAsAcmeAsync(bool publish = false)
    {
        var (_, key) = await App.CreateAccountAsync("Acme Academy", Ids.Account(2));
        var type = (await SucceedsAsync(CreateType("\"ACADEMY\"", "\"Academy pass\""), key)).Text("trainingPassType.id");
        if (publish)
        {
            var option = (await SucceedsAsync(CreateOption(type, "\"Quarterly\"", "months", "3"), key)).Text("trainingPassTypeOption.id");
            await SucceedsAsync(UpdateOption(option, "lifecycleState: published"), key);
            await SucceedsAsync(UpdateType(type, "lifecycleState: published"), key);
        }

        return (type, key);
    }

    private static string CreateType(string code, string name) =>
        $"mutation {{ trainingPass {{ createType(input: {{code: {code}, name: {name}}}) {{ trainingPassType {{ id }} {Errors} }} }} }}";

    private static string UpdateType(string id, string fields) =>
        $"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{id}\", {fields}}}) {{ trainingPassType {{ id }} {Errors} }} }} }}";

    private static string AddContent(string id, string fields) =>
        $"mutation {{ trainingPass {{ addContentToPassType(input: {{trainingPassTypeId: \"{id}\", {fields}}}) {{ trainingPassType {{ id }} {Errors} }} }} }}";

    private static string RemoveContent(string id, string fields) =>
        $"mutation {{ trainingPass {{ removeContentFromPassType(input: {{trainingPassTypeId: \"{id}\", {fields}}}) {{ trainingPassType {{ id }} {Errors} }} }} }}";

    private static string CreateOption(string typeId, string name, string unit, string value) =>
        $"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{typeId}\", name: {name}, validityPeriod: {{unit: {unit}, value: {value}}}}}) {{ trainingPassTypeOption {{ id }} {Errors} }} }} }}";

    private static string UpdateOption(string id, string fields) =>
        $"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{id}\", {fields}}}) {{ trainingPassTypeOption {{ id }} {Errors} }} }} }}";

    private static string CreatePrice(string optionId, string regionId, string currency, string amount) =>
        $"mutation {{ trainingPass {{ createTypeOptionPrice(input: {{trainingPassTypeOptionId: \"{optionId}\", regionId: \"{regionId}\", currencyCode: \"{currency}\", amount: \"{amount}\"}}) {{ trainingPassTypeOptionPrice {{ id }} {Errors} }} }} }}";

    private static string Issue(string typeId, string optionId, string contactId, string extra = "") =>
        $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{typeId}\", trainingPassTypeOptionId: \"{optionId}\", contactId: \"{contactId}\" {extra}}}) {{ trainingPass {{ id }} {Errors} }} }} }}";

    private static string Renew(string passId, string fields) =>
        $"mutation {{ trainingPass {{ renewPass(input: {{trainingPassId: \"{passId}\" {fields}}}) {{ trainingPass {{ id }} {Errors} }} }} }}";

    private static string Revoke(string passId) =>
        $"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{passId}\"}}) {{ trainingPass {{ id }} {Errors} }} }} }}";

    private static string Reassign(string passId, string contactId) =>
        $"mutation {{ trainingPass {{ reassignPass(input: {{trainingPassId: \"{passId}\", contactId: \"{contactId}\"}}) {{ trainingPass {{ id }} {Errors} }} }} }}";

    public sealed class OnSqlite() : TrainingPassMutationRefusalTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TrainingPassMutationRefusalTests(DatabaseProvider.Postgres);
}
