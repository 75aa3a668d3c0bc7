using Entitle.Api.GraphQL.Loading;
using Entitle.Application;
using Entitle.Application.Organizations;
using GraphQL;

namespace Entitle.Api.GraphQL;

/// <summary>
/// What the engine carries through one request: who is asking, the one instant that is "now" for the whole
/// document (so derived states agree between fields), and the request's batch loaders.
/// </summary>
/// <remarks>
/// The caller is known before the document runs, except in a document that asks only <c>contentAccess</c> or only
/// <c>issuePass</c> (<see cref="CredentialCheckingDocument"/>): there the use case's own statement checks the
/// presented credential, one round trip fewer, and establishes the caller; the endpoint looks the credential up after
/// the document ran if nothing did, and answers 401 for an unknown one whatever the document said.
/// </remarks>
public sealed class EntitleUserContext : Dictionary<string, object?>
{
    private Caller? _caller;

    public EntitleUserContext(Caller? caller, PresentedCredential? pendingCredential, DateTime now, IServiceProvider services)
    {
        _caller = caller;
        PendingCredential = caller is null ? pendingCredential ?? throw new ArgumentNullException(nameof(pendingCredential)) : null;
        Now = now;
        Loaders = new Loaders(services, () => Caller, now);
    }

    public Caller Caller => _caller ?? throw new InvalidOperationException("The caller is not known yet: only contentAccess and issuePass run before the credential is checked.");

    /// <summary>The presented credential while nothing has checked it yet (else null).</summary>
    public PresentedCredential? PendingCredential { get; private set; }

    /// <summary>Whether a statement found the presented credential unknown or revoked: the answer is then 401.</summary>
    public bool CredentialRefused { get; private set; }

    public DateTime Now { get; }

    public Loaders Loaders { get; }

    /// <summary>The caller a statement found for the pending credential.</summary>
    public void Establish(Caller caller)
    {
        _caller = caller;
        PendingCredential = null;
    }

    /// <summary>Records that the pending credential is unknown; the error stops the field, and the endpoint answers 401.</summary>
    public ExecutionError Refuse()
    {
        CredentialRefused = true;
        return new ExecutionError("Authentication failed.") { Code = "UNAUTHENTICATED" };
    }
}
