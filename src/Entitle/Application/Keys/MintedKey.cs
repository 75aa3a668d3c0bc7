namespace Entitle.Application.Keys;

public sealed record MintedKey(int Id, string TrainingKey);
