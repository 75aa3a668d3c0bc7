using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class CourseTemplateCreateInputGraphType : InputObjectGraphType
{
    public CourseTemplateCreateInputGraphType()
    {
        Name = "CourseTemplateCreateInput";
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<StringGraphType>("description");
        Field<LifecycleStateGraphType>("lifecycleState").Description("Defaults to draft.");
    }
}
