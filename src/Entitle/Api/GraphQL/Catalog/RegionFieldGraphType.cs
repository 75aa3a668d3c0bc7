using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Catalog;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class RegionFieldGraphType() : FieldEnumGraphType<Region>("RegionField", RegionFilterFields.Instance);
