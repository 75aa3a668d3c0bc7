namespace Entitle.Tests.Properties;

/// <summary>A freshly minted key's terms and the requests that then race for it, all sent at once.</summary>
internal sealed record KeySchedule(int MaxKeyUses, bool EndsPassesAtContentExpiration, IReadOnlyList<KeyStep> Steps)
{
    public override string ToString() =>
        $"maxKeyUses {MaxKeyUses}{(EndsPassesAtContentExpiration ? ", contentExpirationDate" : "")}: {string.Join(", ", Steps)}";
}
