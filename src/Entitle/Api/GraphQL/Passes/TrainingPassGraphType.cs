using Entitle.Api.GraphQL.Connections;
using Entitle.Api.GraphQL.Contacts;
using Entitle.Api.GraphQL.PassTypes;
using Entitle.Domain.Passes;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassGraphType : ObjectGraphType<Pass>
{
    public TrainingPassGraphType()
    {
        Name = "TrainingPass";
        Description = "A learner's time-boxed access to a pass type's content; valid from validFrom up to (not including) validUntil.";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.TrainingPass, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ContactGraphType>>("contact").Resolve(c => c.Loaders().Contacts.Load(c.Source.ContactId));
        Field<NonNullGraphType<TrainingPassTypeGraphType>>("trainingPassType").Resolve(c => c.Loaders().PassTypes.Load(c.Source.PassTypeId));
        Field<TrainingPassTypeOptionGraphType>("option").Resolve(c => c.Source.OptionId is { } id ? c.Loaders().Options.Load(id) : null);
        Field<NonNullGraphType<DateTimeGraphType>>("validFrom").Resolve(c => c.Source.ValidFrom);
        Field<NonNullGraphType<DateTimeGraphType>>("validUntil").Description("The first instant the pass no longer covers.").Resolve(c => c.Source.ValidUntil);
        Field<NonNullGraphType<TrainingPassLifecycleStateGraphType>>("lifecycleState").Resolve(c => c.Source.StateAt(c.Entitle().Now));
        Field<NonNullGraphType<BooleanGraphType>>("isActive").Description("Whether the pass grants access right now.").Resolve(c => c.Source.IsValidAt(c.Entitle().Now));
        Field<NonNullGraphType<ConnectionGraphType<TrainingPassUsageGraphType>>>("usage")
            .Description("The courses started under this pass, oldest first.")
            .Arguments(ListArguments.Paging())
            .Resolve(c => c.Loaders().UsageByPass.Load(c.Source.Id, items => ListPage.Of(items!, Paging.From(c))));
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
