using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Catalog;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class CourseTemplateFilterFields : FilterFieldSet<CourseTemplate>
{
    public static CourseTemplateFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(c => c.Id);

    public override IReadOnlyList<FilterField<CourseTemplate>> Fields(FilterScope scope) =>
    [
        FilterField<CourseTemplate>.Of("id", c => c.Id, FilterValueKind.Id, GlobalId.CourseTemplate),
        FilterField<CourseTemplate>.Of("code", c => c.Code, FilterValueKind.Text),
        FilterField<CourseTemplate>.Of("title", c => c.Title, FilterValueKind.Text),
        FilterField<CourseTemplate>.Of("lifecycleState", c => c.LifecycleState, FilterValueKind.Enum),
    ];
}
