namespace Entitle.Tests.Properties;

/// <summary>
/// What the API answered one step of a <see cref="KeySchedule"/>, already checked to be a well-formed answer:
/// done (with the pass a redemption created), or refused with a sentence, or refused because the key is gone.
/// </summary>
internal sealed record KeyAnswer(KeyStep Step, bool Done, int? PassId, string? Error, bool KeyUnknown, string Raw)
{
    public bool RefusedWith(string words) => !Done && !KeyUnknown && Error!.Contains(words, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Step} -> {Raw}";
}
