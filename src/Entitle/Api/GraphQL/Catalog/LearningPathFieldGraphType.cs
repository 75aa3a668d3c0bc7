using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Catalog;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class LearningPathFieldGraphType() : FieldEnumGraphType<LearningPath>("LearningPathField", LearningPathFilterFields.Instance);
