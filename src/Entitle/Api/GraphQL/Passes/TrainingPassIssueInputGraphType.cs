using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassIssueInputGraphType : InputObjectGraphType
{
    public TrainingPassIssueInputGraphType()
    {
        Name = "TrainingPassIssueInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeId");
        Field<NonNullGraphType<IdGraphType>>("trainingPassTypeOptionId");
        Field<NonNullGraphType<IdGraphType>>("contactId");
        Field<DateTimeGraphType>("validFrom").Description("Defaults to now.");
        Field<DateTimeGraphType>("validUntil").Description("Exclusive; defaults to validFrom plus the option's period.");
    }
}
