using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.PassTypes;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class PassTypeFilterFields : FilterFieldSet<PassType>
{
    public static PassTypeFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(t => t.Id);

    public override IReadOnlyList<FilterField<PassType>> Fields(FilterScope scope) =>
    [
        FilterField<PassType>.Of("id", t => t.Id, FilterValueKind.Id, GlobalId.TrainingPassType),
        FilterField<PassType>.Of("code", t => t.Code, FilterValueKind.Text),
        FilterField<PassType>.Of("name", t => t.Name, FilterValueKind.Text),
        FilterField<PassType>.Of("lifecycleState", t => t.LifecycleState, FilterValueKind.Enum),
        FilterField<PassType>.Of("createdAt", t => t.CreatedAt, FilterValueKind.Instant),
        FilterField<PassType>.Of("updatedAt", t => t.UpdatedAt, FilterValueKind.Instant),
    ];
}
