using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>
/// Counts what a document asks validation to look at (definitions, variables, selections, arguments, the fields
/// and items of literal values, directives) with every fragment spread expanded, and stops counting at the limit. Several validation rules
/// (overlapping fields, unique arguments and directives, complexity) do work that grows with the square of these
/// numbers, or exponentially in fragments that spread each other twice over; counting first refuses a hostile
/// document at once instead of holding the request for minutes.
/// </summary>
public static class SelectionBudget
{
    public static bool Exceeds(GraphQLDocument document, int limit)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        var remaining = limit;
        var expanding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            var fits = definition switch
            {
                GraphQLOperationDefinition operation => Spend(ref remaining, 1 + Count(operation.Directives)
                    + (operation.Variables?.Sum(v => 1 + Count(v.Directives) + Count(v.DefaultValue)) ?? 0)) && Fits(operation.SelectionSet, fragments, expanding, ref remaining),
                GraphQLFragmentDefinition fragment => Spend(ref remaining, 1 + Count(fragment.Directives)) && Fits(fragment.SelectionSet, fragments, expanding, ref remaining),
                _ => Spend(ref remaining, 1),
            };
            if (!fits)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Fits(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> expanding, ref int remaining)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            var fits = selection switch
            {
                GraphQLField field => Spend(ref remaining, 1 + Count(field.Arguments) + Count(field.Directives)) && Fits(field.SelectionSet, fragments, expanding, ref remaining),
                GraphQLInlineFragment inline => Spend(ref remaining, 1 + Count(inline.Directives)) && Fits(inline.SelectionSet, fragments, expanding, ref remaining),
                GraphQLFragmentSpread spread => Spend(ref remaining, 1 + Count(spread.Directives)) && FitsExpanded(spread, fragments, expanding, ref remaining),
                _ => Spend(ref remaining, 1),
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A spread counts its fragment again; one that cycles back, or names no fragment, is left to validation, which reports it.</summary>
    private static bool FitsExpanded(GraphQLFragmentSpread spread, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> expanding, ref int remaining)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (!fragments.TryGetValue(name, out var fragment) || !expanding.Add(name))
        {
            return true;
        }

        var fits = Fits(fragment.SelectionSet, fragments, expanding, ref remaining);
        expanding.Remove(name);
        return fits;
    }

    private static int Count(GraphQLDirectives? directives) => directives?.Sum(d => 1 + Count(d.Arguments)) ?? 0;

    private static int Count(GraphQLArguments? arguments) => arguments?.Sum(a => 1 + Count(a.Value)) ?? 0;

    /// <summary>A literal counts each field of an input object and each item of a list (variables are not in the document).</summary>
    private static int Count(GraphQLValue? value) => value switch
    {
        GraphQLObjectValue o => o.Fields?.Sum(f => 1 + Count(f.Value)) ?? 0,
        GraphQLListValue l => l.Values?.Sum(v => 1 + Count(v)) ?? 0,
        _ => 0,
    };

    /// <summary>Takes <paramref name="units"/> from the budget; false once it is overspent.</summary>
    private static bool Spend(ref int remaining, int units)
    {
        remaining -= units;
        return remaining >= 0;
    }
}
