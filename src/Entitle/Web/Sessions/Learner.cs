using Entitle.Application;

namespace Entitle.Web.Sessions;

/// <summary>
/// A signed-in learner: one contact. <see cref="Caller"/> is their organization, which the application services
/// take; the learner pages only ever act on <see cref="ContactId"/>.
/// </summary>
public sealed record Learner(int ContactId, string Name, string? Email, string OrganizationName, Caller Caller);
