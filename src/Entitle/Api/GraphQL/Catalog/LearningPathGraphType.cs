using Entitle.Api.GraphQL.Connections;
using Entitle.Domain.Catalog;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Catalog;

public sealed class LearningPathGraphType : ObjectGraphType<LearningPath>
{
    public LearningPathGraphType()
    {
        Name = "LearningPath";
        Interface<NodeGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(GlobalId.LearningPath, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field(p => p.Code);
        Field(p => p.Name);
        Field(p => p.Description, nullable: true);
        Field<NonNullGraphType<LifecycleStateGraphType>>("lifecycleState").Resolve(c => c.Source.LifecycleState);
        Field<NonNullGraphType<ConnectionGraphType<CourseTemplateGraphType>>>("courses")
            .Description("The path's courses, in the order learners follow them.")
            .Arguments(ListArguments.Paging())
            .Resolve(c => c.Loaders().CoursesByPath.Load(c.Source.Id, items => ListPage.Of(items!, Paging.From(c))));
    }
}
