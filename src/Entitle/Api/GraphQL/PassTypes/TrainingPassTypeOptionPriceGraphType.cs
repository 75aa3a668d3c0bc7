using Entitle.Api.GraphQL.Catalog;
using Entitle.Domain.PassTypes;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

public sealed class TrainingPassTypeOptionPriceGraphType : ObjectGraphType<PassTypeOptionPrice>
{
    public TrainingPassTypeOptionPriceGraphType()
    {
        Name = "TrainingPassTypeOptionPrice";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.TrainingPassTypeOptionPrice, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("amount").Description("A decimal with two places, as a string: \"99.90\".").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<FinancialUnitGraphType>>("financialUnit").Resolve(c => c.Source.Currency);
        Field<RegionGraphType>("region").Description("The region the price applies in; null when it applies everywhere.")
            .Resolve(c => c.Source.RegionCode is { } code ? c.Loaders().Regions.Load(code) : null);
        Field<NonNullGraphType<TrainingPassTypeOptionGraphType>>("trainingPassTypeOption").Resolve(c => c.Loaders().Options.Load(c.Source.OptionId));
    }
}
