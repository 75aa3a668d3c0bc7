using System.Text;
using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>Builds hostile TMS requests: by default as the root organization, with GET or a form POST.</summary>
public static class TmsRequests
{
    public const string Prefix = "/api/2.0/";

    /// <summary>2030-01-01T00:00:00Z: an instant every epoch parameter accepts.</summary>
    public const string In2030 = "1893456000";

    /// <summary>An id nothing has: a call naming it is refused before it changes anything.</summary>
    public const string Unknown = "999999";

    /// <summary>URLs longer than this go as form bodies: Kestrel refuses request lines over 8 KiB.</summary>
    private const int MaxQueryLength = 4000;

    public static readonly KeyValuePair<string, string> ApiKey = new("api_key", TestApp.RootKey);

    public static HostileRequest Get(string name, string methodAndQuery, HostileExpectation expected) =>
        new(name, "GET", Prefix + methodAndQuery, expected) { Headers = [ApiKey] };

    public static HostileRequest Form(string name, string methodAndQuery, string form, HostileExpectation expected, string contentType = "application/x-www-form-urlencoded") =>
        new(name, "POST", Prefix + methodAndQuery, expected) { Headers = [ApiKey], Body = Encoding.UTF8.GetBytes(form), ContentType = contentType };

    /// <summary>A call with already-encoded parameters: in the query string when short, else in a form body.</summary>
    public static HostileRequest Call(string name, string method, string parameters, HostileExpectation expected) =>
        parameters.Length <= MaxQueryLength ? Get(name, method + "?" + parameters, expected) : Form(name, method, parameters, expected);
}
