using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Catalog;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class CourseTemplateFieldGraphType() : FieldEnumGraphType<CourseTemplate>("CourseTemplateField", CourseTemplateFilterFields.Instance);
