using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class CourseTemplateUpdateInputGraphType : InputObjectGraphType
{
    public CourseTemplateUpdateInputGraphType()
    {
        Name = "CourseTemplateUpdateInput";
        Field<NonNullGraphType<IdGraphType>>("courseTemplateId");
        Field<StringGraphType>("code");
        Field<StringGraphType>("title");
        Field<StringGraphType>("description");
        Field<LifecycleStateGraphType>("lifecycleState");
    }
}
