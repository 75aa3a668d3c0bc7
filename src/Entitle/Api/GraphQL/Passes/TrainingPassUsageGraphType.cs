using Entitle.Api.GraphQL.Catalog;
using Entitle.Api.GraphQL.Contacts;
using Entitle.Domain.Usage;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Passes;

/// <summary>A course a learner started under a pass.</summary>
public sealed class TrainingPassUsageGraphType : ObjectGraphType<CourseStart>
{
    public TrainingPassUsageGraphType()
    {
        Name = "TrainingPassUsage";
        Field<NonNullGraphType<IntGraphType>>("legacyId").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<TrainingPassGraphType>>("trainingPass").Resolve(c => c.Loaders().PassesById.Load(c.Source.PassId));
        Field<NonNullGraphType<ContactGraphType>>("contact").Resolve(c => c.Loaders().Contacts.Load(c.Source.ContactId));
        Field<NonNullGraphType<CourseTemplateGraphType>>("courseTemplate").Resolve(c => c.Loaders().CourseTemplates.Load(c.Source.CourseTemplateId));
        Field<NonNullGraphType<DateTimeGraphType>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field(s => s.ExternalId, nullable: true);
    }
}
