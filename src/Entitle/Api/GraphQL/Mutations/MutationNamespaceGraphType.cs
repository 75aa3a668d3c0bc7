using Entitle.Application;
using GraphQL;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Mutations;

/// <summary>
/// A namespace of mutations (<c>mutation { trainingPass { createType(input: …) { … } } }</c>): each operation takes
/// one <c>input</c> and answers a payload with the changed object and <c>errors</c>.
/// </summary>
public abstract class MutationNamespaceGraphType : ObjectGraphType
{
    protected void Mutation<TPayload, TInput>(
        string name,
        Func<MutationInput, Caller, IResolveFieldContext, CancellationToken, Task<object>> action,
        IReadOnlyDictionary<string, string>? labels = null)
        where TPayload : IGraphType
        where TInput : IGraphType =>
        MutationCheckingCredential<TPayload, TInput>(name, (input, c, ct) => action(input, c.Caller(), c, ct), labels);

    /// <summary>
    /// A mutation whose action finds its caller itself: it may run before the credential is looked up
    /// (<see cref="CredentialCheckingDocument"/>), and then checks the credential in its own statement.
    /// </summary>
    protected void MutationCheckingCredential<TPayload, TInput>(
        string name,
        Func<MutationInput, IResolveFieldContext, CancellationToken, Task<object>> action,
        IReadOnlyDictionary<string, string>? labels = null)
        where TPayload : IGraphType
        where TInput : IGraphType =>
        Field<NonNullGraphType<TPayload>>(name)
            .Argument<NonNullGraphType<TInput>>("input")
            .ResolveAsync(async c => await MutationRunner.RunAsync(c, (input, ct) => action(input, c, ct), labels));
}
