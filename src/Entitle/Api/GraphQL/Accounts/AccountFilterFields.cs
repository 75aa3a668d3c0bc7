using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Organizations;

namespace Entitle.Api.GraphQL.Accounts;

public sealed class AccountFilterFields : FilterFieldSet<Organization>
{
    public static AccountFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(o => o.Id);

    public override IReadOnlyList<FilterField<Organization>> Fields(FilterScope scope)
    {
        var now = scope.Now;
        return
        [
            FilterField<Organization>.Of("id", o => o.Id, FilterValueKind.Id, GlobalId.Organisation),
            FilterField<Organization>.Of("name", o => o.Name, FilterValueKind.Text),
            FilterField<Organization>.Of("parentId", o => o.ParentId, FilterValueKind.Id, GlobalId.Organisation),
            FilterField<Organization>.Of(
                "hasActiveTrainingPass",
                o => scope.Database.Passes.Any(p => p.Contact!.OrganizationId == o.Id && p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil),
                FilterValueKind.Boolean),
        ];
    }
}
