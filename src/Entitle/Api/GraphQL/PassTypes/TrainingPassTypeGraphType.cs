using Entitle.Api.GraphQL.Connections;
using Entitle.Domain.PassTypes;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeGraphType : ObjectGraphType<PassType>
{
    public TrainingPassTypeGraphType()
    {
        Name = "TrainingPassType";
        Description = "A bundle of courses and learning paths that passes grant access to.";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.TrainingPassType, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field(t => t.Code);
        Field(t => t.Name);
        Field(t => t.Description, nullable: true);
        Field<NonNullGraphType<LifecycleStateGraphType>>("lifecycleState").Resolve(c => c.Source.LifecycleState);
        Field<NonNullGraphType<ConnectionGraphType<TrainingPassTypeContentGraphType>>>("content")
            .Description("The courses and learning paths the type grants, in the order they were added.")
            .Arguments(ListArguments.Paging())
            .Resolve(c => c.Loaders().ContentPage(c.Source.Id, Paging.From(c)));
        Field<NonNullGraphType<ConnectionGraphType<TrainingPassTypeOptionGraphType>>>("options")
            .Arguments(ListArguments.Paging())
            .Resolve(c => c.Loaders().OptionsByType.Load(c.Source.Id, items => ListPage.Of(items!, Paging.From(c))));
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}
