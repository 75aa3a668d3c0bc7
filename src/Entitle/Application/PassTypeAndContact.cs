using Entitle.Domain.Contacts;
using Entitle.Domain.PassTypes;

namespace Entitle.Application;

/// <summary>A pass type with its options and a contact with its organization, read together (<see cref="WriteUseCaseReads"/>).</summary>
public sealed record PassTypeAndContact(PassType Type, Contact? Contact);
