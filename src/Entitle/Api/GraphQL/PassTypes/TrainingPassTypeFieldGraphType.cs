using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.PassTypes;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeFieldGraphType() : FieldEnumGraphType<PassType>("TrainingPassTypeField", PassTypeFilterFields.Instance);
