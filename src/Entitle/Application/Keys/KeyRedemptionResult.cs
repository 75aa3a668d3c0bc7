using Entitle.Domain.Passes;

namespace Entitle.Application.Keys;

public sealed record KeyRedemptionResult(Pass Pass, int KeyId);
