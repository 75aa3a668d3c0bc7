using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>
/// Whether a document's complexity and depth, as GraphQL.NET's analyzer measures them, can change with its variables.
/// The analyzer reads a field's <c>first</c>, <c>last</c> and <c>id</c> arguments (a page's size multiplies what is
/// inside it) and the <c>@skip</c> and <c>@include</c> directives; any other argument does not move the figure unless
/// a field has an impact function of its own. A document whose variables feed none of these has one complexity
/// whatever it is sent with, so once it has passed the limit it need not be measured again.
/// </summary>
public static class ComplexityInputs
{
    private static readonly string[] CountedArguments = ["first", "last", "id"];

    public static bool DependOnVariables(GraphQLDocument document) =>
        document.Definitions.Any(definition => definition switch
        {
            GraphQLOperationDefinition operation => HasVariable(operation.Directives) || DependOnVariables(operation.SelectionSet),
            GraphQLFragmentDefinition fragment => HasVariable(fragment.Directives) || DependOnVariables(fragment.SelectionSet),
            _ => false,
        });

    /// <summary>
    /// Whether a field of the schema has an impact function of its own, which may read any argument. GraphQL.NET's
    /// introspection types (named <c>__…</c>) have two, which count the schema's types and directives, not arguments.
    /// </summary>
    public static bool SchemaHasOwnImpacts(ISchema schema) =>
        schema.AllTypes.OfType<IComplexGraphType>()
            .Where(type => !type.Name.StartsWith("__", StringComparison.Ordinal))
            .Any(type => type.Fields.Any(field => field.GetComplexityImpactDelegate() is not null));

    private static bool DependOnVariables(GraphQLSelectionSet? selections) =>
        selections is not null && selections.Selections.Any(selection => selection switch
        {
            GraphQLField field => HasVariable(field.Directives)
                || (field.Arguments?.Items.Any(a => CountedArguments.Contains(a.Name.StringValue) && HasVariable(a.Value)) ?? false)
                || DependOnVariables(field.SelectionSet),
            GraphQLInlineFragment inline => HasVariable(inline.Directives) || DependOnVariables(inline.SelectionSet),
            GraphQLFragmentSpread spread => HasVariable(spread.Directives),
            _ => true,
        });

    private static bool HasVariable(GraphQLDirectives? directives) =>
        directives is not null && directives.Items.Any(d => d.Arguments?.Items.Any(a => HasVariable(a.Value)) ?? false);

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HasVariable) ?? false,
        GraphQLObjectValue obj => obj.Fields?.Any(f => HasVariable(f.Value)) ?? false,
        _ => false,
    };
}
