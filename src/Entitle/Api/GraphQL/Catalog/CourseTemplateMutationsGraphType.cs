using Entitle.Api.GraphQL.Mutations;
using Entitle.Application.Catalog;
using Entitle.Domain;

namespace Entitle.Api.GraphQL.Catalog;

/// <summary><c>mutation { courseTemplate { create update } }</c>.</summary>
public sealed class CourseTemplateMutationsGraphType : MutationNamespaceGraphType
{
    public CourseTemplateMutationsGraphType()
    {
        Name = "CourseTemplateMutations";

        Mutation<PayloadGraphType<CourseTemplateGraphType>, CourseTemplateCreateInputGraphType>("create", async (input, caller, c, ct) =>
            await c.Service<CatalogService>().CreateCourseTemplateAsync(
                caller, input.Text("code"), input.Text("title"), input.Text("description"), input.Enum<LifecycleState>("lifecycleState"), ct));

        Mutation<PayloadGraphType<CourseTemplateGraphType>, CourseTemplateUpdateInputGraphType>("update", async (input, caller, c, ct) =>
            await c.Service<CatalogService>().UpdateCourseTemplateAsync(
                caller,
                input.Id("courseTemplateId", GlobalId.CourseTemplate, "course template"),
                input.Text("code"),
                input.Text("title"),
                input.Text("description"),
                input.Enum<LifecycleState>("lifecycleState"),
                ct));
    }
}
