namespace Entitle.Tests.Hardening.Hostile;

/// <summary>What the app sent back for one hostile request.</summary>
public sealed record HostileAnswer(int Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
