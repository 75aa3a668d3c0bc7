using System.Text;
using Entitle.Api.GraphQL;
using Entitle.Tests.Support;
using static Entitle.Tests.Hardening.Hostile.GraphQLRequests;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// Hostile GraphQL requests that go wrong before any document runs: credentials, HTTP methods, content types,
/// bodies that are not a GraphQL request in JSON, bytes that are not UTF-8, bodies cut short or too large.
/// </summary>
public static class GraphQLTransportCorpus
{
    /// <summary>A valid mutation that would change the database if any mangled form of it ran.</summary>
    private const string CreateType = """{"query":"mutation { trainingPass { createType(input: {code: \"TRUNC\", name: \"Truncated\"}) { errors { label } } } }"}""";

    private const string Harmless = """{"query":"{ currencies { pageInfo { totalRecords } } }"}""";

    public static IEnumerable<HostileRequest> All() =>
    [
        .. Credentials(),
        .. Methods(),
        .. ContentTypes(),
        .. Bodies(),
        .. InvalidUtf8(),
        .. Truncated(),
        .. Sizes(),
        .. IdempotencyKeys(),
    ];

    private static IEnumerable<HostileRequest> Credentials()
    {
        var unauthorized = HostileExpectation.GraphQLUnauthorized();
        var body = Encoding.UTF8.GetBytes(CreateType);
        HostileRequest As(string name, string? authorization) =>
            new(name, "POST", Endpoint, unauthorized) { Headers = authorization is null ? [] : [new("Authorization", authorization)], Body = body, ContentType = "application/json" };

        yield return As("auth: no Authorization header", null);
        yield return As("auth: empty header", "");
        yield return As("auth: Bearer without a credential", "Bearer ");
        yield return As("auth: unknown credential", "Bearer not-a-credential");
        yield return As("auth: Basic scheme", "Basic dGVzdC1yb290LWNyZWRlbnRpYWw6");
        yield return As("auth: credential without a scheme", TestApp.RootKey);
        yield return As("auth: SQL in the credential", "Bearer ' OR 1=1 --");
        yield return As("auth: the root credential with SQL after it", "Bearer " + TestApp.RootKey + "' --");
        yield return As("auth: the root credential with a wildcard", "Bearer test-root-%");
        yield return As("auth: the root credential in another case", "Bearer " + TestApp.RootKey.ToUpperInvariant());
        yield return As("auth: a 10,000-character credential", "Bearer " + new string('k', 10_000));
        yield return As("auth: two schemes", "Bearer Bearer " + TestApp.RootKey);
        yield return new HostileRequest("auth: GET without a credential", "GET", Endpoint + "?query=%7B%20currencies%20%7B%20pageInfo%20%7B%20totalRecords%20%7D%20%7D%20%7D", unauthorized);
        yield return new HostileRequest("auth: the credential in the query string", "GET", Endpoint + "?query=%7B%20currencies%20%7B%20pageInfo%20%7B%20totalRecords%20%7D%20%7D%20%7D&access_token=" + TestApp.RootKey, unauthorized);
    }

    private static IEnumerable<HostileRequest> Methods()
    {
        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            yield return Json($"method: {method}", CreateType, HostileExpectation.GraphQLMethodNotAllowed()) with { Method = method };
        }

        foreach (var method in new[] { "TRACE", "PROPFIND", "BREW" })
        {
            yield return new HostileRequest($"method: {method}", method, Endpoint, HostileExpectation.GraphQLMethodNotAllowed()) { Headers = [Bearer] };
        }

        yield return new HostileRequest("method: HEAD", "HEAD", Endpoint, HostileExpectation.Transport(405)) { Headers = [Bearer] };
        var mutation = Uri.EscapeDataString("mutation { trainingPass { createType(input: {code: \"GET\", name: \"Via GET\"}) { errors { label } } } }");
        yield return Get("method: a mutation sent with GET", "?query=" + mutation, HostileExpectation.GraphQLErrors() with { Mentions = "POST" });
        yield return Get("method: a mutation with GET and an operation name", "?operationName=m&query=" + Uri.EscapeDataString("mutation m { region { create(input: {code: \"GT\", name: \"Get\"}) { errors { label } } } }"), HostileExpectation.GraphQLErrors());
        yield return Get("method: GET without a query", "", HostileExpectation.GraphQLErrors(400));
        yield return Get("method: GET with an empty query", "?query=", HostileExpectation.GraphQLErrors(400));
        yield return Get("method: GET with variables that are not JSON", "?query=%7B%20currencies%20%7B%20pageInfo%20%7B%20totalRecords%20%7D%20%7D%20%7D&variables=%7Bnope", HostileExpectation.GraphQLErrors(400));
        yield return Get("method: GET with variables that are a list", "?query=" + Uri.EscapeDataString("query($id: ID!) { node(id: $id) { id } }") + "&variables=%5B1%2C2%5D", HostileExpectation.GraphQLErrors(200, 400));
        yield return Get("method: GET with the query given twice", "?query=%7B%20nope%20%7D&query=%7B%20currencies%20%7B%20pageInfo%20%7B%20totalRecords%20%7D%20%7D%20%7D", HostileExpectation.GraphQLErrors());
        yield return Get("method: GET with invalid UTF-8 in the query", "?query=%7B%20%FF%FE%20%7D", HostileExpectation.GraphQLErrors(200, 400));
        yield return Get("method: GET with a NUL in the query", "?query=%7B%20currencies%00%20%7D", HostileExpectation.GraphQLErrors());
        yield return Get("method: GET with a broken percent escape", "?query=%7B%20currencies%2", HostileExpectation.GraphQLErrors());
    }

    private static IEnumerable<HostileRequest> ContentTypes()
    {
        var body = Encoding.UTF8.GetBytes(CreateType);
        var unsupported = HostileExpectation.GraphQLErrors(415) with { Mentions = "application/json" };
        yield return Post("content type: none", body, unsupported, contentType: null);
        foreach (var type in new[]
        {
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/graphql",
            "application/json-patch+json", "application/jsonx", "json", "*/*", "application/*", "text/json", "application/json;;;=", "\"application/json\"",
        })
        {
            yield return Post($"content type: {type}", body, unsupported, contentType: type);
        }

        yield return Post("content type: JSON in UTF-16", Encoding.Unicode.GetBytes(CreateType), HostileExpectation.GraphQLErrors(400), "application/json; charset=utf-16");
        yield return Post("content type: JSON in UTF-32", Encoding.UTF32.GetBytes(CreateType), HostileExpectation.GraphQLErrors(400), "application/json; charset=utf-32");
        yield return Post("content type: a form body of the query", Encoding.UTF8.GetBytes("query=" + Uri.EscapeDataString("{ currencies { pageInfo { totalRecords } } }")), unsupported, "application/x-www-form-urlencoded");
    }

    private static IEnumerable<HostileRequest> Bodies()
    {
        var unreadable = HostileExpectation.GraphQLErrors(400);
        foreach (var (name, json) in new[]
        {
            ("empty", ""),
            ("whitespace", " \r\n\t "),
            ("null", "null"),
            ("a string", "\"{ currencies { pageInfo { totalRecords } } }\""),
            ("a number", "42"),
            ("a batch", "[" + CreateType + "," + CreateType + "]"),
            ("an empty object", "{}"),
            ("query null", """{"query": null}"""),
            ("query a number", """{"query": 123}"""),
            ("query a list", """{"query": ["{ currencies { pageInfo { totalRecords } } }"]}"""),
            ("query an object", """{"query": {"currencies": true}}"""),
            ("query blank", """{"query": "   "}"""),
            ("query true", """{"query": true}"""),
            ("trailing garbage", CreateType + " trailing"),
            ("two objects", CreateType + CreateType),
            ("comments", """/* hi */ {"query": "{ nope }"}"""),
            ("single quotes", "{'query': '{ nope }'}"),
            ("unquoted keys", "{query: \"{ nope }\"}"),
            ("trailing comma", """{"query": "{ nope }",}"""),
            ("a NUL byte outside a string", "{\"query\": \"{ nope }\"\u0000}"),
            ("a raw control character inside a string", "{\"query\": \"{ no\u0001pe }\"}"),
            ("an invalid escape", """{"query": "{ \x41 }"}"""),
            ("a broken unicode escape", """{"query": "{ \u12 }"}"""),
            ("a number that is not JSON", """{"query": "{ nope }", "variables": {"a": 0x1F}}"""),
            ("NaN", """{"query": "{ nope }", "variables": {"a": NaN}}"""),
        })
        {
            yield return Json($"body: {name}", json, unreadable);
        }

        var refused = HostileExpectation.GraphQLErrors(200, 400);
        foreach (var (name, json) in new[]
        {
            ("variables a string", """{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": "x"}"""),
            ("variables a string of JSON", """{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": "{\"id\": 1}"}"""),
            ("variables a list", """{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": [1, 2]}"""),
            ("variables a number", """{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": 5}"""),
            ("variables true", """{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": true}"""),
            ("operationName a number", """{"query": "query a { nope } query b { nope }", "operationName": 5}"""),
            ("operationName an object", """{"query": "query a { nope } query b { nope }", "operationName": {}}"""),
            ("extensions a string", """{"query": "{ nope }", "extensions": "x"}"""),
            ("extensions a list", """{"query": "{ nope }", "extensions": [1]}"""),
            ("a byte-order mark", "\uFEFF{\"query\": \"{ nope }\"}"),
            ("a lone surrogate escape in the query", """{"query": "{ nope\ud800 }"}"""),
            ("a lone surrogate escape in a variable", """{"query": "query($v: String) { courseTemplates(filters: [{field: code, operation: eq, value: $v}]) { edges { cursor } } }", "variables": {"v": "\udc00x"}}"""),
            ("a duplicate query key", """{"query": "{ nope }", "query": "{ alsoNope }"}"""),
            ("a duplicate variables key", """{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": "x"}, "variables": {"id": "y"}}"""),
            ("a duplicate variable", """{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": "x", "id": "VHJhaW5pbmdQYXNzVHlwZTox!"}}"""),
            ("unknown keys", """{"query": "{ nope }", "mutation": "x", "__proto__": {"admin": true}, "constructor": 1}"""),
            ("an unknown key in a case variant", """{"Query": "{ currencies { pageInfo { totalRecords } } }"}"""),
        })
        {
            yield return Json($"body: {name}", json, refused);
        }
    }

    private static IEnumerable<HostileRequest> InvalidUtf8()
    {
        var unreadable = HostileExpectation.GraphQLErrors(400);
        var prefix = Encoding.ASCII.GetBytes("{\"query\": \"mutation { trainingPass { createType(input: {code: \\\"U");
        var suffix = Encoding.ASCII.GetBytes("\\\", name: \\\"Bad bytes\\\"}) { errors { label } } } }\"}");
        foreach (var (name, bytes) in new (string, byte[])[]
        {
            ("a lone continuation byte", [0x80]),
            ("an invalid second byte", [0xC3, 0x28]),
            ("0xFF and 0xFE", [0xFF, 0xFE]),
            ("an overlong slash", [0xC0, 0xAF]),
            ("an overlong NUL", [0xC0, 0x80]),
            ("an encoded surrogate", [0xED, 0xA0, 0x80]),
            ("a code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("a five-byte sequence", [0xF8, 0x88, 0x80, 0x80, 0x80]),
            ("a truncated three-byte sequence", [0xE2, 0x82]),
        })
        {
            yield return Post($"utf-8: {name} in a string", [.. prefix, .. bytes, .. suffix], unreadable);
        }

        yield return Post("utf-8: a truncated sequence at the end", [.. Encoding.ASCII.GetBytes(CreateType[..^1]), 0xE2, 0x82], unreadable);
        yield return Post("utf-8: invalid bytes outside a string", [.. Encoding.ASCII.GetBytes("{\"query\": \"{ nope }\" "), 0xFF, (byte)'}'], unreadable);
        yield return Post("utf-8: a UTF-16 byte-order mark", [0xFF, 0xFE, .. Encoding.ASCII.GetBytes(CreateType)], unreadable);
        yield return Post("utf-8: Latin-1 text", Encoding.Latin1.GetBytes("{\"query\": \"{ caf\u00e9 }\"}"), unreadable);
    }

    private static IEnumerable<HostileRequest> Truncated()
    {
        var bytes = Encoding.UTF8.GetBytes(CreateType);
        foreach (var fraction in new[] { 1, 10, 25, 40, 50, 60, 75, 90, 99 })
        {
            var length = bytes.Length * fraction / 100;
            yield return Post($"truncated: {fraction}% of a mutation", bytes[..length], HostileExpectation.GraphQLErrors(400));
        }

        yield return Post("truncated: all but the last brace", bytes[..^1], HostileExpectation.GraphQLErrors(400));
        yield return Json("truncated: the document inside a whole JSON body", """{"query": "mutation { trainingPass { createType(input: {code: \"T\", name: \"T\"}) { errors { label "}""", HostileExpectation.GraphQLErrors());
        yield return Post("truncated: half the announced body, then the client falls silent", bytes[..(bytes.Length / 2)], HostileExpectation.GraphQLErrors(400, 408)) with { DeclaredLength = bytes.Length };
    }

    private static IEnumerable<HostileRequest> Sizes()
    {
        var limit = new GraphQLLimits().MaxRequestBytes;
        var tooLarge = HostileExpectation.GraphQLErrors(413) with { Mentions = "larger than" };
        string Padded(int size)
        {
            const string Start = """{"query": "{ nope } #""";
            return Start + new string('x', size - Start.Length - 2) + "\"}";
        }

        yield return Json("size: exactly the limit", Padded(limit), HostileExpectation.GraphQLErrors() with { Mentions = "nope" });
        yield return Json("size: one byte over the limit", Padded(limit + 1), tooLarge);
        yield return Json("size: a megabyte", Padded(1024 * 1024), tooLarge);
        yield return Json("size: a mutation padded over the limit", CreateType[..^1] + ", \"variables\": {\"pad\": \"" + new string('p', limit) + "\"}}", tooLarge);
    }

    private static IEnumerable<HostileRequest> IdempotencyKeys()
    {
        var refused = HostileExpectation.GraphQLErrors(400) with { Mentions = "Idempotency-Key" };
        foreach (var (name, key) in new[]
        {
            ("256 characters", new string('k', 256)),
            ("a space", "key with spaces"),
            ("a tab", "key\twith-tab"),
            ("16,000 characters", new string('k', 16_000)),
        })
        {
            yield return Json($"idempotency key: {name}", CreateType, refused).WithHeader("Idempotency-Key", key);
        }
    }
}
