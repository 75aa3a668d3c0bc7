using Entitle.Domain.Catalog;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class CourseTemplateGraphType : ObjectGraphType<CourseTemplate>
{
    public CourseTemplateGraphType()
    {
        Name = "CourseTemplate";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.CourseTemplate, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field(t => t.Code);
        Field(t => t.Title);
        Field(t => t.Description, nullable: true);
        Field<NonNullGraphType<LifecycleStateGraphType>>("lifecycleState").Resolve(c => c.Source.LifecycleState);
    }
}
