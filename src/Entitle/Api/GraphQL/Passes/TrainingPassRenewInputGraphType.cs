using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassRenewInputGraphType : InputObjectGraphType
{
    public TrainingPassRenewInputGraphType()
    {
        Name = "TrainingPassRenewInput";
        Field<NonNullGraphType<IdGraphType>>("trainingPassId");
        Field<IdGraphType>("trainingPassTypeOptionId").Description("The option to renew under; defaults to the pass's own.");
        Field<DateTimeGraphType>("validUntil").Description("The new end; defaults to the option's period counted from max(now, validUntil).");
    }
}
