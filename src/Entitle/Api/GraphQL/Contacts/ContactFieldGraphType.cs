using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Contacts;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class ContactFieldGraphType() : FieldEnumGraphType<Contact>("ContactField", ContactFilterFields.Instance);
