using System.Text.Json.Nodes;
using Entitle.Api.Tms;
using Entitle.Persistence;
using Entitle.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// The tenant isolation matrix. Its entries come from the live API: every query root and mutation from the schema's
/// introspection, every type behind Node, every TMS method from the method list (and the OpenAPI document written
/// from it). Each entry is exercised by a sibling organization B, both children of the root, against the objects of
/// organization A, once with A's real object and once with an id of the same shape that does not exist. B must get
/// nothing of A's, change nothing, and get the same answer both times (the id itself aside), so that it cannot tell
/// whether the id exists. Once A's data has grown, B's reads must answer exactly as before (no count or flag may
/// depend on A's rows). A's own credential runs the same requests, so the matrix cannot pass by everything being
/// broken. An entry the tables do not cover fails the test by name; every failing case is reported in one message.
/// </summary>
public abstract class IsolationMatrixTests(DatabaseProvider provider) : AppTests(provider)
{
    [Fact]
    public async Task ASiblingGetsNothingFromAnyQueryRoot()
    {
        var (client, a, b, schema) = await ArrangeAsync();
        var cases = QueryRootCases.For(a, schema);
        var runner = new IsolationRunner(App, client, IsolationApi.GraphQL, a, b, new OwnerView(client, schema, a));
        var roots = schema.FieldNames(schema.QueryType);
        Cover(runner, "query root", roots.Except(QueryRootCases.CoveredElsewhere).ToList(), cases);
        foreach (var elsewhere in QueryRootCases.CoveredElsewhere.Except(roots))
        {
            runner.Fail(elsewhere, "the table leaves this root to another test, but the schema has no such root");
        }

        await RunAsync(runner, client, a, cases, c => [c.Entry]);
    }

    [Fact]
    public async Task ASiblingGetsNothingFromNodeForAnyNodeType()
    {
        var (client, a, b, schema) = await ArrangeAsync();
        var cases = NodeCases.For(a, schema);
        var runner = new IsolationRunner(App, client, IsolationApi.GraphQL, a, b, new OwnerView(client, schema, a));
        Cover(runner, "node type", schema.PossibleTypes("Node"), cases);

        await RunAsync(runner, client, a, cases, c => [c.Entry]);
    }

    [Fact]
    public async Task ASiblingChangesNothingThroughAnyMutation()
    {
        var (client, a, b, schema) = await ArrangeAsync();
        var cases = MutationCases.For(a, schema);
        var runner = new IsolationRunner(App, client, IsolationApi.GraphQL, a, b, new OwnerView(client, schema, a));
        Cover(runner, "mutation", schema.Mutations(), cases);

        await RunAsync(runner, client, a, cases, c => [c.Entry]);
    }

    [Fact]
    public async Task ASiblingGetsAndChangesNothingThroughAnyTmsMethod()
    {
        var (client, a, b, schema) = await ArrangeAsync();
        var cases = TmsMethodCases.For(a, Now);
        var runner = new IsolationRunner(App, client, IsolationApi.Tms, a, b, new OwnerView(client, schema, a));
        var methods = App.Services.GetRequiredService<TmsMethods>();
        Cover(runner, "TMS method", methods.All.Select(m => m.Name).ToList(), cases);
        var openApi = JsonNode.Parse(await App.Http.GetStringAsync("/api/2.0/openapi.json"))!["paths"]!.AsObject().Select(p => p.Key["/api/2.0/".Length..]);
        foreach (var name in openApi.Where(n => methods.Find(n) is null))
        {
            runner.Fail(name, "the OpenAPI document lists a method the method list does not know");
        }

        // Every case runs under each of its method's names: a vendor name and its alias are separate routes to one handler.
        await RunAsync(runner, client, a, cases, c => methods.Find(c.Entry)?.Names ?? [c.Entry]);
    }

    private long Now => App.Clock.GetUtcNow().ToUnixTimeSeconds();

    private async Task<(IsolationClient Client, Tenant A, Tenant B, IntrospectedSchema Schema)> ArrangeAsync()
    {
        var client = new IsolationClient(App);
        var a = await TenantBuilder.ArrangeAsync(client, "Aardvark", Now);
        var b = await TenantBuilder.ArrangeAsync(client, "Bravo", Now);
        return (client, a, b, await IntrospectedSchema.LoadAsync(client, b.Key));
    }

    /// <summary>Every entry of the API must have a case, and every case an entry.</summary>
    private static void Cover(IsolationRunner runner, string kind, IReadOnlyList<string> entries, IReadOnlyList<IsolationCase> cases)
    {
        Assert.NotEmpty(entries);
        foreach (var entry in entries.Except(cases.Select(c => c.Entry)))
        {
            runner.Fail(entry, $"this {kind} has no case in the isolation matrix; add one");
        }

        foreach (var entry in cases.Select(c => c.Entry).Distinct().Except(entries))
        {
            runner.Fail(entry, $"the isolation matrix has a case for a {kind} the API no longer has");
        }
    }

    /// <summary>
    /// The sibling's calls first; then A grows a whole organization of its own below it and takes up the root's
    /// shared pass, and the sibling's reads must answer exactly as before; then the sibling's calls that make rows of its own (last, so that its reads
    /// meet only what the setup made); then the owner's calls, in table order.
    /// </summary>
    private async Task RunAsync(IsolationRunner runner, IsolationClient client, Tenant a, IReadOnlyList<IsolationCase> cases, Func<IsolationCase, IReadOnlyList<string>> names)
    {
        if (runner.Failures.Count == 0)
        {
            foreach (var c in cases.Where(c => c.Expectation != SiblingExpectation.OwnCreation))
            {
                await runner.SiblingAsync(c, names(c));
            }

            await TenantBuilder.ArrangeAsync(client, a.Word + "Jr", Now, a.Key);
            await TenantBuilder.UseRootCatalogAsync(client, a, Now);
            foreach (var c in cases)
            {
                await runner.RereadAsync(c, names(c));
            }

            foreach (var c in cases.Where(c => c.Expectation == SiblingExpectation.OwnCreation))
            {
                await runner.SiblingAsync(c, names(c));
            }

            foreach (var c in cases)
            {
                await runner.OwnerAsync(c);
            }
        }

        Assert.True(runner.Failures.Count == 0, $"{runner.Failures.Count} isolation failures in {runner.Runs} runs:\n  " + string.Join("\n  ", runner.Failures));
    }

    public sealed class OnSqlite() : IsolationMatrixTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : IsolationMatrixTests(DatabaseProvider.Postgres);
}
