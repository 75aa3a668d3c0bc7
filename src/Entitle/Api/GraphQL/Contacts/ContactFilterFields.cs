using System.Linq.Expressions;
using Entitle.Api.GraphQL.Filtering;
using Entitle.Domain.Contacts;

namespace Entitle.Api.GraphQL.Contacts;

public sealed class ContactFilterFields : FilterFieldSet<Contact>
{
    public static ContactFilterFields Instance { get; } = new();

    public override LambdaExpression DefaultOrder { get; } = Key(c => c.Id);

    public override IReadOnlyList<FilterField<Contact>> Fields(FilterScope scope)
    {
        var now = scope.Now;
        return
        [
            FilterField<Contact>.Of("id", c => c.Id, FilterValueKind.Id, GlobalId.Person),
            FilterField<Contact>.Of("emailAddress", c => c.Email, FilterValueKind.Text),
            FilterField<Contact>.Of("firstName", c => c.FirstName, FilterValueKind.Text),
            FilterField<Contact>.Of("lastName", c => c.LastName, FilterValueKind.Text),
            FilterField<Contact>.Of("accountId", c => c.OrganizationId, FilterValueKind.Id, GlobalId.Organisation),
            FilterField<Contact>.Of(
                "hasActiveTrainingPass",
                c => scope.Database.Passes.Any(p => p.ContactId == c.Id && p.CancelledAt == null && p.ValidFrom <= now && now < p.ValidUntil),
                FilterValueKind.Boolean),
        ];
    }
}
