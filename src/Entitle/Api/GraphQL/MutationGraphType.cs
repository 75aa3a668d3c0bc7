using Entitle.Api.GraphQL.Accounts;
using Entitle.Api.GraphQL.Catalog;
using Entitle.Api.GraphQL.Contacts;
using Entitle.Api.GraphQL.Passes;
using Entitle.Api.GraphQL.Webhooks;
using GraphQL.Types;

namespace Entitle.Api.GraphQL;

/// <summary>The mutation namespaces, as Administrate groups them.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    /// <summary>What a namespace field resolves to: the namespace holds no data of its own.</summary>
    private static readonly object Namespace = new();

    public MutationGraphType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<TrainingPassMutationsGraphType>>("trainingPass").Resolve(_ => Namespace);
        Field<NonNullGraphType<ContactMutationsGraphType>>("contact").Resolve(_ => Namespace);
        Field<NonNullGraphType<CourseTemplateMutationsGraphType>>("courseTemplate").Resolve(_ => Namespace);
        Field<NonNullGraphType<LearningPathMutationsGraphType>>("learningPaths").Resolve(_ => Namespace);
        Field<NonNullGraphType<RegionMutationsGraphType>>("region").Resolve(_ => Namespace);
        Field<NonNullGraphType<AccountMutationsGraphType>>("account").Resolve(_ => Namespace);
        Field<NonNullGraphType<WebhookMutationsGraphType>>("webhooks").Resolve(_ => Namespace);
    }
}
