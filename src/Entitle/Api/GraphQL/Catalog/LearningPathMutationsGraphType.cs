using Entitle.Api.GraphQL.Mutations;
using Entitle.Application.Catalog;
using Entitle.Domain;

namespace Entitle.Api.GraphQL.Catalog;

/// <summary><c>mutation { learningPaths { create update } }</c>, the plural namespace Administrate uses.</summary>
public sealed class LearningPathMutationsGraphType : MutationNamespaceGraphType
{
    public LearningPathMutationsGraphType()
    {
        Name = "LearningPathMutations";

        Mutation<PayloadGraphType<LearningPathGraphType>, LearningPathCreateInputGraphType>("create", async (input, caller, c, ct) =>
            await c.Service<CatalogService>().CreateLearningPathAsync(
                caller,
                input.Text("code"),
                input.Text("name"),
                input.Text("description"),
                input.Ids("courseIds", GlobalId.CourseTemplate, "course template"),
                input.Enum<LifecycleState>("lifecycleState"),
                ct));

        Mutation<PayloadGraphType<LearningPathGraphType>, LearningPathUpdateInputGraphType>("update", async (input, caller, c, ct) =>
            await c.Service<CatalogService>().UpdateLearningPathAsync(
                caller,
                input.Id("learningPathId", GlobalId.LearningPath, "learning path"),
                input.Text("code"),
                input.Text("name"),
                input.Text("description"),
                input.Ids("courseIds", GlobalId.CourseTemplate, "course template"),
                input.Enum<LifecycleState>("lifecycleState"),
                ct));
    }
}
