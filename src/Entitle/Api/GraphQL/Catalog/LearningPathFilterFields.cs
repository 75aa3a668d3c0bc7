using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Catalog;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class LearningPathFilterFields : FilterFieldSet<LearningPath>
{
    public static LearningPathFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(p => p.Id);

    public override IReadOnlyList<FilterField<LearningPath>> Fields(FilterScope scope) =>
    [
        FilterField<LearningPath>.Of("id", p => p.Id, FilterValueKind.Id, GlobalId.LearningPath),
        FilterField<LearningPath>.Of("code", p => p.Code, FilterValueKind.Text),
        FilterField<LearningPath>.Of("name", p => p.Name, FilterValueKind.Text),
        FilterField<LearningPath>.Of("lifecycleState", p => p.LifecycleState, FilterValueKind.Enum),
    ];
}
