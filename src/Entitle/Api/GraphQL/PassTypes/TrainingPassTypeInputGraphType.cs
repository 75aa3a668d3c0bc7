using GraphQL.Types;

namespace Entitle.Api.GraphQL.PassTypes;

/// <summary>The input of <c>createType</c>; the seed names it.</summary>
public sealed class TrainingPassTypeInputGraphType : InputObjectGraphType
{
    public TrainingPassTypeInputGraphType()
    {
        Name = "TrainingPassTypeInput";
        Field<NonNullGraphType<StringGraphType>>("code").Description("A short internal label, unique within the organization.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name learners see.");
        Field<StringGraphType>("description");
    }
}
