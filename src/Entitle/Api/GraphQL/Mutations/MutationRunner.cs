using Entitle.Domain;
using GraphQL;

namespace Entitle.Api.GraphQL.Mutations;

/// <summary>
/// Runs one mutation the Administrate way: success is the changed object with <c>errors: []</c>; a refusal is
/// HTTP 200 with a null object and an <c>errors</c> entry naming the input field, and nothing changed.
/// </summary>
public static class MutationRunner
{
    public static async Task<MutationPayload> RunAsync(
        IResolveFieldContext context,
        Func<MutationInput, CancellationToken, Task<object>> action,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        var input = new MutationInput(context.GetArgument<Dictionary<string, object?>>("input"));
        try
        {
            var value = await action(input, context.CancellationToken);
            context.Loaders().Clear();
            return value as MutationPayload ?? new MutationPayload(value, []);
        }
        catch (DomainRuleException e)
        {
            var label = labels is not null && labels.TryGetValue(e.Field, out var mapped) ? mapped : e.Field;
            return new MutationPayload(null, [new MutationError(label, e.Message, input.RawValueFor(label, e.Value))]);
        }
    }
}
