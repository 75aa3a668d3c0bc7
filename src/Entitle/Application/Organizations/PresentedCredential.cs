namespace Entitle.Application.Organizations;

/// <summary>
/// A secret as a request presented it, already hashed (the form the database stores), and not yet known to be live.
/// Usually the credential lookup turns it into a <see cref="Caller"/> first; the access check, asked on every course
/// launch, instead checks it inside its own statement (<see cref="Access.AccessService.DecideForCredentialAsync"/>),
/// one round trip to the database where two would be needed otherwise.
/// </summary>
/// <param name="Hash">The keyed hash of the secret (<see cref="CredentialHasher.Hash"/>).</param>
public sealed record PresentedCredential(string Hash);
