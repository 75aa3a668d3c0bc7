using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Organizations;

namespace Entitle.Api.GraphQL.Accounts;

public sealed class AccountFieldGraphType() : FieldEnumGraphType<Organization>("AccountField", AccountFilterFields.Instance);
