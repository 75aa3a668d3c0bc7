using System.Text.Json.Nodes;
using Entitle.Persistence;

namespace Entitle.Tests.Support;

/// <summary>Helpers for tests that speak GraphQL to the app.</summary>
public abstract class GraphQLTests(DatabaseProvider provider) : AppTests(provider)
{
    /// <summary>
    /// Sends a mutation that must be refused: HTTP 200, no top-level errors, a null object, exactly one error entry
    /// with <paramref name="label"/>, and the database byte-for-byte as it was.
    /// </summary>
    protected async Task<JsonNode> RefusedAsync(string mutation, string label, string? credential = null, string? messageContains = null)
    {
        var before = await DatabaseSnapshot.TakeAsync(App.Database);

        var result = await App.GraphQLAsync(mutation, credential: credential ?? TestApp.RootKey);

        Assert.True(result["errors"] is null, $"Top-level errors: {TestApp.Json(result)}");
        var payload = Payload(result);
        var errors = payload["errors"]!.AsArray();
        Assert.True(errors.Count == 1, $"Expected one error: {TestApp.Json(result)}");
        Assert.Equal(label, errors[0]!["label"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(errors[0]!["message"]!.GetValue<string>()));
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, errors[0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        var objects = payload.AsObject().Where(p => p.Key != "errors").ToList();
        Assert.All(objects, p => Assert.Null(p.Value));
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(App.Database));
        return errors[0]!;
    }

    /// <summary>Sends a mutation that must succeed and returns its payload.</summary>
    protected async Task<JsonNode> SucceedsAsync(string mutation, string? credential = null, object? variables = null)
    {
        var result = await App.GraphQLAsync(mutation, variables, credential ?? TestApp.RootKey);
        Assert.True(result["errors"] is null, $"Top-level errors: {TestApp.Json(result)}");
        var payload = Payload(result);
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"Unexpected errors: {TestApp.Json(result)}");
        return payload;
    }

    /// <summary>The one payload under <c>data.&lt;namespace&gt;.&lt;operation&gt;</c>.</summary>
    protected static JsonNode Payload(JsonNode result)
    {
        var ns = result["data"]!.AsObject().Single().Value!;
        return ns.AsObject().Single().Value!;
    }
}
