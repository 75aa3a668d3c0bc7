namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// One request of the hostile corpus, as data: what is sent, byte for byte, and how the API must answer it.
/// </summary>
public sealed record HostileRequest(string Name, string Method, string Path, HostileExpectation Expected)
{
    /// <summary>Headers sent as written, without the client's validation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header as written; none when null.</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// When set, the request goes over a raw connection whose Content-Length announces this many bytes, though only
    /// <see cref="Body"/> is sent before the client falls silent: a body cut off in transit.
    /// </summary>
    public long? DeclaredLength { get; init; }

    public HostileRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public override string ToString() => $"{Name} ({Method} {(Path.Length > 80 ? Path[..80] + "…" : Path)})";
}
