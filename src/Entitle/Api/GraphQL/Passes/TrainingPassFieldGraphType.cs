using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Passes;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassFieldGraphType() : FieldEnumGraphType<Pass>("TrainingPassField", PassFilterFields.Instance);
