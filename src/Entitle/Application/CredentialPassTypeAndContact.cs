using Entitle.Application.Organizations;
using Entitle.Domain.Contacts;
using Entitle.Domain.PassTypes;

namespace Entitle.Application;

/// <summary>
/// A live credential read together with a pass type (with its options) and a contact (with its organization), either
/// of which may not exist (<see cref="WriteUseCaseReads"/>).
/// </summary>
public sealed record CredentialPassTypeAndContact(CredentialMatch Credential, PassType? Type, Contact? Contact);
