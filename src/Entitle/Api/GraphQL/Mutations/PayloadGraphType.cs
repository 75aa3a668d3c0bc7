using GraphQL.Types;

namespace Entitle.Api.GraphQL.Mutations;

/// <summary>
/// <c>{ &lt;object&gt; errors { label message value } }</c>, named after the object's type:
/// <c>TrainingPassTypePayload { trainingPassType errors }</c>.
/// </summary>
public sealed class PayloadGraphType<TGraphType> : ObjectGraphType<MutationPayload>
    where TGraphType : IGraphType
{
    public PayloadGraphType()
    {
        var baseName = GraphTypeNames.Of(typeof(TGraphType));
        Name = baseName + "Payload";
        Field<TGraphType>(char.ToLowerInvariant(baseName[0]) + baseName[1..]).Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MutationErrorGraphType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}
