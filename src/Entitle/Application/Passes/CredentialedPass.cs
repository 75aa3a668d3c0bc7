namespace Entitle.Application.Passes;

/// <summary>A pass issued by a use case that also checked the presented credential: the caller it stands for, and the pass.</summary>
public sealed record CredentialedPass(Caller Caller, Domain.Passes.Pass Pass);
