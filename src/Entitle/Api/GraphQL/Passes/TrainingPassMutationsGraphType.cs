using Entitle.Api.GraphQL.Mutations;
using Entitle.Api.GraphQL.PassTypes;
using Entitle.Application.Keys;
using Entitle.Application.Passes;
using Entitle.Application.PassTypes;
using Entitle.Application.Usage;
using Entitle.Domain;
using Entitle.Domain.PassTypes;

namespace Entitle.Api.GraphQL.Passes;

/// <summary><c>mutation { trainingPass { … } }</c>: the seed's operations on pass types, options, prices and passes.</summary>
public sealed class TrainingPassMutationsGraphType : MutationNamespaceGraphType
{
    private const string Type = "training pass type";
    private const string Option = "training pass type option";
    private const string Price = "training pass type option price";
    private const string Pass = "training pass";
    private const string Contact = "contact";

    public TrainingPassMutationsGraphType()
    {
        Name = "TrainingPassMutations";

        Mutation<PayloadGraphType<TrainingPassTypeGraphType>, TrainingPassTypeInputGraphType>("createType", async (input, caller, c, ct) =>
            await c.Service<PassTypeService>().CreateTypeAsync(caller, input.Text("code"), input.Text("name"), input.Text("description"), ct));

        Mutation<PayloadGraphType<TrainingPassTypeGraphType>, TrainingPassTypeUpdateInputGraphType>("updateType", async (input, caller, c, ct) =>
            await c.Service<PassTypeService>().UpdateTypeAsync(
                caller,
                input.Id("trainingPassTypeId", GlobalId.TrainingPassType, Type),
                input.Text("code"),
                input.Text("name"),
                input.Text("description"),
                input.Enum<LifecycleState>("lifecycleState"),
                ct));

        Mutation<PayloadGraphType<TrainingPassTypeGraphType>, TrainingPassTypeContentInputGraphType>("addContentToPassType", async (input, caller, c, ct) =>
            await c.Service<PassTypeService>().AddContentAsync(
                caller,
                input.Id("trainingPassTypeId", GlobalId.TrainingPassType, Type),
                input.Ids("courseIds", GlobalId.CourseTemplate, "course template") ?? [],
                input.Ids("pathIds", GlobalId.LearningPath, "learning path") ?? [],
                ct));

        Mutation<PayloadGraphType<TrainingPassTypeGraphType>, TrainingPassTypeContentInputGraphType>("removeContentFromPassType", async (input, caller, c, ct) =>
            await c.Service<PassTypeService>().RemoveContentAsync(
                caller,
                input.Id("trainingPassTypeId", GlobalId.TrainingPassType, Type),
                input.Ids("courseIds", GlobalId.CourseTemplate, "course template") ?? [],
                input.Ids("pathIds", GlobalId.LearningPath, "learning path") ?? [],
                ct));

        Mutation<PayloadGraphType<TrainingPassTypeOptionGraphType>, TrainingPassTypeOptionInputGraphType>("createTypeOption", async (input, caller, c, ct) =>
        {
            var typeId = input.Id("trainingPassTypeId", GlobalId.TrainingPassType, Type);
            return await c.Service<PassTypeService>().CreateOptionAsync(caller, typeId, input.Text("name"), Period(input.Nested("validityPeriod")!), ct);
        });

        Mutation<PayloadGraphType<TrainingPassTypeOptionGraphType>, TrainingPassTypeOptionUpdateInputGraphType>("updateTypeOption", async (input, caller, c, ct) =>
        {
            var optionId = input.Id("trainingPassTypeOptionId", GlobalId.TrainingPassTypeOption, Option);
            var period = input.Nested("validityPeriod") is { } p ? Period(p) : (ValidityPeriod?)null;
            return await c.Service<PassTypeService>().UpdateOptionAsync(caller, optionId, input.Text("name"), period, input.Enum<LifecycleState>("lifecycleState"), ct);
        });

        Mutation<PayloadGraphType<TrainingPassTypeOptionPriceGraphType>, TrainingPassTypeOptionPriceInputGraphType>("createTypeOptionPrice", async (input, caller, c, ct) =>
            await c.Service<PassTypeService>().CreatePriceAsync(
                caller,
                input.Id("trainingPassTypeOptionId", GlobalId.TrainingPassTypeOption, Option),
                input.OptionalStringId("regionId", GlobalId.Region, "region"),
                input.Text("currencyCode"),
                input.Text("amount"),
                ct));

        Mutation<PayloadGraphType<TrainingPassTypeOptionPriceGraphType>, TrainingPassTypeOptionPriceUpdateInputGraphType>("updateTypeOptionPrice", async (input, caller, c, ct) =>
            await c.Service<PassTypeService>().UpdatePriceAsync(
                caller, input.Id("trainingPassTypeOptionPriceId", GlobalId.TrainingPassTypeOptionPrice, Price), input.Text("amount"), ct));

        Mutation<PayloadGraphType<TrainingPassTypeOptionPriceGraphType>, TrainingPassTypeOptionPriceDeleteInputGraphType>("deleteTypeOptionPrice", async (input, caller, c, ct) =>
            await c.Service<PassTypeService>().DeletePriceAsync(
                caller, input.Id("trainingPassTypeOptionPriceId", GlobalId.TrainingPassTypeOptionPrice, Price), ct));

        MutationCheckingCredential<PayloadGraphType<TrainingPassGraphType>, TrainingPassIssueInputGraphType>("issuePass", async (input, c, ct) =>
        {
            var issue = new PassIssue(
                input.Id("trainingPassTypeId", GlobalId.TrainingPassType, Type),
                input.Id("trainingPassTypeOptionId", GlobalId.TrainingPassTypeOption, Option),
                input.Id("contactId", GlobalId.Person, Contact),
                input.Instant("validFrom"),
                input.Instant("validUntil"));
            var user = c.Entitle();
            if (user.PendingCredential is { } credential)
            {
                // The document asks only this (IssuePassDocument): the use case checks the credential itself.
                var issued = await c.Service<PassService>().IssueForCredentialAsync(credential, issue, ct) ?? throw user.Refuse();
                user.Establish(issued.Caller);
                return issued.Pass;
            }

            return await c.Service<PassService>().IssueAsync(user.Caller, issue, ct);
        });

        Mutation<PayloadGraphType<TrainingPassGraphType>, TrainingPassRenewInputGraphType>("renewPass", async (input, caller, c, ct) =>
            await c.Service<PassService>().RenewAsync(
                caller,
                input.Id("trainingPassId", GlobalId.TrainingPass, Pass),
                input.OptionalId("trainingPassTypeOptionId", GlobalId.TrainingPassTypeOption, Option),
                input.Instant("validUntil"),
                ct));

        Mutation<PayloadGraphType<TrainingPassGraphType>, TrainingPassRevokeInputGraphType>("revokePass", async (input, caller, c, ct) =>
            await c.Service<PassService>().RevokeAsync(caller, input.Id("trainingPassId", GlobalId.TrainingPass, Pass), ct));

        Mutation<PayloadGraphType<TrainingPassGraphType>, TrainingPassReassignInputGraphType>("reassignPass", async (input, caller, c, ct) =>
            await c.Service<PassService>().ReassignAsync(
                caller, input.Id("trainingPassId", GlobalId.TrainingPass, Pass), input.Id("contactId", GlobalId.Person, Contact), ct));

        Mutation<PayloadGraphType<TrainingPassUsageGraphType>, TrainingPassStartCourseInputGraphType>("startCourse", async (input, caller, c, ct) =>
            await c.Service<UsageService>().StartCourseAsync(
                caller,
                input.Id("contactId", GlobalId.Person, Contact),
                input.Id("courseId", GlobalId.CourseTemplate, "course template"),
                input.OptionalId("trainingPassId", GlobalId.TrainingPass, Pass),
                null,
                ct),
            StartCourseLabels);

        Mutation<PayloadGraphType<TrainingPassGraphType>, TrainingPassRedeemKeyInputGraphType>("redeemKey", async (input, caller, c, ct) =>
            (await c.Service<TrainingKeyService>().RedeemAsync(caller, input.Text("trainingKey"), input.Id("contactId", GlobalId.Person, Contact), ct)).Pass);
    }

    private static readonly Dictionary<string, string> StartCourseLabels = new() { ["contentId"] = "courseId" };

    private static ValidityPeriod Period(MutationInput period) =>
        new(period.Enum<PeriodUnit>("unit") ?? PeriodUnit.Days, period.Number("value") ?? 0);
}
