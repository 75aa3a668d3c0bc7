using Entitle.Persistence;
using Entitle.Tests.Support;

namespace Entitle.Tests.Api.GraphQL;

/// <summary>The rules of passes and types over the API: defaults, renewal arithmetic, derived states, lifecycles.</summary>
public abstract class PassLifecycleTests(DatabaseProvider provider) : GraphQLTests(provider)
{
    private const string PassFields = "trainingPass { id legacyId validFrom validUntil lifecycleState isActive option { legacyId } contact { legacyId } }";

    [Fact]
    public async Task IssuingDefaultsToNowAndTheOptionsPeriodWithAnExclusiveEnd()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.Zero));
        var monthly = await PublishedMonthlyOptionAsync();

        var pass = (await SucceedsAsync(Issue(Ids.Type(2), monthly, 32))).At("trainingPass");

        Assert.Equal("2024-01-31T12:00:00Z", pass.Text("validFrom"));
        Assert.Equal("2024-02-29T12:00:00Z", pass.Text("validUntil"));
        Assert.True(pass.At("isActive").GetValue<bool>());

        App.Clock.SetUtcNow(new DateTimeOffset(2024, 2, 29, 11, 59, 59, TimeSpan.Zero));
        Assert.Equal("active", await StateAsync(pass.Text("id")));
        App.Clock.SetUtcNow(new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal("expired", await StateAsync(pass.Text("id")));
    }

    [Fact]
    public async Task AFuturePassIsActiveButNotYetValid()
    {
        var pass = (await SucceedsAsync(Issue(Ids.Type(1), Ids.Option(1), 33, "validFrom: \"2023-06-01T00:00:00Z\""))).At("trainingPass");

        Assert.Equal("2024-06-01T00:00:00Z", pass.Text("validUntil"));
        Assert.Equal("active", pass.Text("lifecycleState"));
        Assert.False(pass.At("isActive").GetValue<bool>());
    }

    [Fact]
    public async Task RenewingExtendsFromTheLaterOfNowAndValidUntil()
    {
        var monthly = await PublishedMonthlyOptionAsync();
        var active = (await SucceedsAsync(Issue(Ids.Type(2), monthly, 32, "validFrom: \"2023-04-01T00:00:00Z\""))).Text("trainingPass.id");
        var lapsed = (await SucceedsAsync(Issue(Ids.Type(2), monthly, 33, "validFrom: \"2023-01-10T00:00:00Z\""))).Text("trainingPass.id");

        var renewedActive = (await SucceedsAsync(Renew(active, ""))).At("trainingPass");
        var renewedLapsed = (await SucceedsAsync(Renew(lapsed, ""))).At("trainingPass");

        // Active until 2023-05-01: one more month from there. Lapsed since 2023-02-10: one month from now.
        Assert.Equal(active, renewedActive.Text("id"));
        Assert.Equal("2023-06-01T00:00:00Z", renewedActive.Text("validUntil"));
        Assert.Equal(lapsed, renewedLapsed.Text("id"));
        Assert.Equal("2023-01-10T00:00:00Z", renewedLapsed.Text("validFrom"));
        Assert.Equal("2023-05-03T09:30:00Z", renewedLapsed.Text("validUntil"));
        Assert.True(renewedLapsed.At("isActive").GetValue<bool>());
    }

    [Fact]
    public async Task RenewingUnderAnotherOptionSwitchesTheOption()
    {
        var monthly = await PublishedMonthlyOptionAsync(typeId: 1);

        var renewed = (await SucceedsAsync(Renew(Ids.Pass(1), $"trainingPassTypeOptionId: \"{monthly}\""))).At("trainingPass");

        Assert.Equal(2, renewed.At("option.legacyId").GetValue<int>());
        Assert.Equal("2024-05-03T09:30:00Z", renewed.Text("validUntil"));
    }

    [Fact]
    public async Task RevokingCancelsForGoodAndKeepsTheDates()
    {
        var revoked = (await SucceedsAsync($"mutation {{ trainingPass {{ revokePass(input: {{trainingPassId: \"{Ids.Pass(1)}\"}}) {{ {PassFields} errors {{ label }} }} }} }}")).At("trainingPass");

        Assert.Equal("cancelled", revoked.Text("lifecycleState"));
        Assert.False(revoked.At("isActive").GetValue<bool>());
        Assert.Equal("2023-04-03T09:30:00Z", revoked.Text("validFrom"));
        Assert.Equal("2024-04-03T09:30:00Z", revoked.Text("validUntil"));
        App.Clock.Advance(TimeSpan.FromDays(800));
        Assert.Equal("cancelled", await StateAsync(Ids.Pass(1)));
    }

    [Fact]
    public async Task ReassigningMovesThePassWithItsDates()
    {
        var moved = (await SucceedsAsync($"mutation {{ trainingPass {{ reassignPass(input: {{trainingPassId: \"{Ids.Pass(1)}\", contactId: \"{Ids.Person(37)}\"}}) {{ {PassFields} errors {{ label }} }} }} }}")).At("trainingPass");

        Assert.Equal(37, moved.At("contact.legacyId").GetValue<int>());
        Assert.Equal("2024-04-03T09:30:00Z", moved.Text("validUntil"));
        var holders = await App.GraphQLAsync("{ contacts(filters: [{field: hasActiveTrainingPass, operation: eq, value: \"true\"}]) { edges { node { legacyId } } } }");
        Assert.Equal(["37"], holders.Ids("data.contacts", "legacyId"));
    }

    [Fact]
    public async Task ATypeCanBeArchivedAndPublishedAgainButNeverIssuedWhileArchived()
    {
        await SucceedsAsync(UpdateType(Ids.Type(1), "lifecycleState: archived"));
        var refused = await App.GraphQLAsync(Issue(Ids.Type(1), Ids.Option(1), 32));
        Assert.Contains("archived", refused.Text("data.trainingPass.issuePass.errors.0.message"), StringComparison.Ordinal);

        // Archived, its last option may go too; publishing again then needs a published option.
        await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{Ids.Option(1)}\", lifecycleState: archived}}) {{ trainingPassTypeOption {{ lifecycleState }} errors {{ label }} }} }} }}");
        await RefusedAsync(UpdateType(Ids.Type(1), "lifecycleState: published"), "lifecycleState");
        await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{Ids.Option(1)}\", lifecycleState: published}}) {{ trainingPassTypeOption {{ lifecycleState }} errors {{ label }} }} }} }}");
        var republished = await SucceedsAsync(UpdateType(Ids.Type(1), "lifecycleState: published"));

        Assert.Equal("published", republished.Text("trainingPassType.lifecycleState"));
        await SucceedsAsync(Issue(Ids.Type(1), Ids.Option(1), 32));
    }

    [Fact]
    public async Task AnOptionMayBeArchivedWhileAnotherStaysPublished()
    {
        var monthly = await PublishedMonthlyOptionAsync(typeId: 1);

        var archived = await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{Ids.Option(1)}\", lifecycleState: archived, name: \"Yearly (old)\", validityPeriod: {{unit: weeks, value: 52}}}}) {{ trainingPassTypeOption {{ name lifecycleState validityPeriod {{ unit value }} }} errors {{ label }} }} }} }}");

        Assert.Equal("""{"name":"Yearly (old)","lifecycleState":"archived","validityPeriod":{"unit":"weeks","value":52}}""", TestApp.Json(archived.At("trainingPassTypeOption")));
        Assert.NotNull(monthly);
        await RefusedAsync(Issue(Ids.Type(1), Ids.Option(1), 32), "trainingPassTypeOptionId");
    }

    [Fact]
    public async Task PricesCanBeChangedAndDeleted()
    {
        var added = await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOptionPrice(input: {{trainingPassTypeOptionId: \"{Ids.Option(1)}\", currencyCode: \"EUR\", amount: \"99.9\"}}) {{ trainingPassTypeOptionPrice {{ id amount region {{ code }} financialUnit {{ name }} }} errors {{ label }} }} }} }}");
        Assert.Equal("99.90", added.Text("trainingPassTypeOptionPrice.amount"));
        Assert.True(added.IsNull("trainingPassTypeOptionPrice.region"));
        Assert.Equal("Euros", added.Text("trainingPassTypeOptionPrice.financialUnit.name"));
        await RefusedAsync($"mutation {{ trainingPass {{ createTypeOptionPrice(input: {{trainingPassTypeOptionId: \"{Ids.Option(1)}\", currencyCode: \"EUR\", amount: \"1\"}}) {{ trainingPassTypeOptionPrice {{ id }} errors {{ label message value }} }} }} }}", "currencyCode", messageContains: "all regions");

        var changed = await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOptionPrice(input: {{trainingPassTypeOptionPriceId: \"{Ids.Price(1)}\", amount: \"0\"}}) {{ trainingPassTypeOptionPrice {{ amount }} errors {{ label }} }} }} }}");
        Assert.Equal("0.00", changed.Text("trainingPassTypeOptionPrice.amount"));

        var deleted = await SucceedsAsync($"mutation {{ trainingPass {{ deleteTypeOptionPrice(input: {{trainingPassTypeOptionPriceId: \"{Ids.Price(1)}\"}}) {{ trainingPassTypeOptionPrice {{ id amount }} errors {{ label }} }} }} }}");
        Assert.Equal(Ids.Price(1), deleted.Text("trainingPassTypeOptionPrice.id"));
        var prices = await App.GraphQLAsync($"{{ node(id: \"{Ids.Option(1)}\") {{ ... on TrainingPassTypeOption {{ prices {{ edges {{ node {{ amount }} }} }} }} }} }}");
        Assert.Equal(["99.90"], prices.Ids("data.node.prices", "amount"));
    }

    [Fact]
    public async Task AMutationAnswerShowsTheStateAfterTheChange()
    {
        var result = await App.GraphQLAsync($$"""
            mutation {
              trainingPass {
                before: updateType(input: {trainingPassTypeId: "{{Ids.Type(1)}}", name: "Gold"}) { trainingPassType { name options { edges { node { prices { edges { node { amount } } } } } } } errors { label } }
                price: updateTypeOptionPrice(input: {trainingPassTypeOptionPriceId: "{{Ids.Price(1)}}", amount: "150"}) { trainingPassTypeOptionPrice { amount } errors { label } }
                after: updateType(input: {trainingPassTypeId: "{{Ids.Type(1)}}", name: "Gold pass"}) { trainingPassType { name options { edges { node { prices { edges { node { amount } } } } } } } errors { label } }
              }
            }
            """);

        Assert.Equal("120.00", result.Text("data.trainingPass.before.trainingPassType.options.edges.0.node.prices.edges.0.node.amount"));
        Assert.Equal("150.00", result.Text("data.trainingPass.after.trainingPassType.options.edges.0.node.prices.edges.0.node.amount"));
        Assert.Equal("Gold pass", result.Text("data.trainingPass.after.trainingPassType.name"));
    }

    private async Task<string> PublishedMonthlyOptionAsync(int? typeId = null)
    {
        var type = typeId is { } id ? Ids.Type(id) : (await SucceedsAsync("mutation { trainingPass { createType(input: {code: \"SILVER\", name: \"Silver pass\"}) { trainingPassType { id } errors { label } } } }")).Text("trainingPassType.id");
        var option = (await SucceedsAsync($"mutation {{ trainingPass {{ createTypeOption(input: {{trainingPassTypeId: \"{type}\", name: \"Monthly\", validityPeriod: {{unit: months, value: 1}}}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}")).Text("trainingPassTypeOption.id");
        await SucceedsAsync($"mutation {{ trainingPass {{ updateTypeOption(input: {{trainingPassTypeOptionId: \"{option}\", lifecycleState: published}}) {{ trainingPassTypeOption {{ id }} errors {{ label }} }} }} }}");
        if (typeId is null)
        {
            await SucceedsAsync(UpdateType(type, "lifecycleState: published"));
        }

        return option;
    }

    private async Task<string> StateAsync(string passId) =>
        (await App.GraphQLAsync($"{{ node(id: \"{passId}\") {{ ... on TrainingPass {{ lifecycleState }} }} }}")).Text("data.node.lifecycleState");

    private static string Issue(string typeId, string optionId, int contact, string extra = "") =>
        $"mutation {{ trainingPass {{ issuePass(input: {{trainingPassTypeId: \"{typeId}\", trainingPassTypeOptionId: \"{optionId}\", contactId: \"{Ids.Person(contact)}\" {extra}}}) {{ {PassFields} errors {{ label message value }} }} }} }}";

    private static string Renew(string passId, string extra) =>
        $"mutation {{ trainingPass {{ renewPass(input: {{trainingPassId: \"{passId}\" {extra}}}) {{ {PassFields} errors {{ label message value }} }} }} }}";

    private static string UpdateType(string typeId, string fields) =>
        $"mutation {{ trainingPass {{ updateType(input: {{trainingPassTypeId: \"{typeId}\", {fields}}}) {{ trainingPassType {{ id lifecycleState }} errors {{ label message value }} }} }} }}";

    public sealed class OnSqlite() : PassLifecycleTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PassLifecycleTests(DatabaseProvider.Postgres);
}
