namespace Entitle.Application.Access;

/// <summary>An access decision whose statement also checked the presented credential: the caller it stands for, and the decision.</summary>
public sealed record CredentialedAccess(Caller Caller, ContentAccess Access);
