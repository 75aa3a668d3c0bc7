using GraphQL.Types;

namespace Entitle.Api.GraphQL.Mutations;

public sealed class MutationErrorGraphType : ObjectGraphType<MutationError>
{
    public MutationErrorGraphType()
    {
        Name = "Error";
        Description = "Why a mutation was refused; a refused mutation changes nothing.";
        Field(e => e.Label).Description("The input field at fault.");
        Field(e => e.Message).Description("What is wrong, in a sentence.");
        Field(e => e.Value, nullable: true).Description("The rejected value.");
    }
}
