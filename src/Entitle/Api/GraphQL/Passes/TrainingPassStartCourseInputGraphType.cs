using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

public sealed class TrainingPassStartCourseInputGraphType : InputObjectGraphType
{
    public TrainingPassStartCourseInputGraphType()
    {
        Name = "TrainingPassStartCourseInput";
        Field<NonNullGraphType<IdGraphType>>("contactId");
        Field<NonNullGraphType<IdGraphType>>("courseId").Description("A CourseTemplate id.");
        Field<IdGraphType>("trainingPassId").Description("The pass to record the start under; the granting pass that ends soonest when omitted.");
    }
}
