using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Passes;

namespace Entitle.Api.GraphQL.Passes;

public sealed class PassFilterFields : FilterFieldSet<Pass>
{
    public static PassFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(p => p.Id);

    public override IReadOnlyList<FilterField<Pass>> Fields(FilterScope scope)
    {
        var now = scope.Now;
        return
        [
            FilterField<Pass>.Of("id", p => p.Id, FilterValueKind.Id, GlobalId.TrainingPass),
            FilterField<Pass>.Of("contactId", p => p.ContactId, FilterValueKind.Id, GlobalId.Person),
            FilterField<Pass>.Of("trainingPassTypeId", p => p.PassTypeId, FilterValueKind.Id, GlobalId.TrainingPassType),
            FilterField<Pass>.Of("trainingPassTypeOptionId", p => p.OptionId, FilterValueKind.Id, GlobalId.TrainingPassTypeOption),
            FilterField<Pass>.Of(
                "lifecycleState",
                p => p.CancelledAt != null ? PassLifecycleState.Cancelled : p.ValidUntil <= now ? PassLifecycleState.Expired : PassLifecycleState.Active,
                FilterValueKind.Enum),
            FilterField<Pass>.Of("validFrom", p => p.ValidFrom, FilterValueKind.Instant),
            FilterField<Pass>.Of("validUntil", p => p.ValidUntil, FilterValueKind.Instant),
            FilterField<Pass>.Of("isActive", p => p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil, FilterValueKind.Boolean),
            FilterField<Pass>.Of("createdAt", p => p.CreatedAt, FilterValueKind.Instant),
        ];
    }
}
