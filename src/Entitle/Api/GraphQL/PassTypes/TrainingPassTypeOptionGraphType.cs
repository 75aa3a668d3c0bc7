using Entitle.Api.GraphQL.Connections;
using Entitle.Domain.PassTypes;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeOptionGraphType : ObjectGraphType<PassTypeOption>
{
    public TrainingPassTypeOptionGraphType()
    {
        Name = "TrainingPassTypeOption";
        Description = "A way to buy a pass type: a validity period with prices.";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.TrainingPassTypeOption, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field(o => o.Name);
        Field<NonNullGraphType<ValidityPeriodGraphType>>("validityPeriod").Resolve(c => c.Source.ValidityPeriod);
        Field<NonNullGraphType<LifecycleStateGraphType>>("lifecycleState").Resolve(c => c.Source.LifecycleState);
        Field<NonNullGraphType<ConnectionGraphType<TrainingPassTypeOptionPriceGraphType>>>("prices")
            .Arguments(ListArguments.Paging())
            .Resolve(c => c.Loaders().PricesByOption.Load(c.Source.Id, items => ListPage.Of(items!, Paging.From(c))));
        Field<NonNullGraphType<TrainingPassTypeGraphType>>("trainingPassType").Resolve(c => c.Loaders().PassTypes.Load(c.Source.PassTypeId));
    }
}
