namespace Entitle.Domain;

/// <summary>
/// The transitions every publishable thing follows: draft -> published -> archived, archived -> published,
/// never back to draft.
/// </summary>
public static class Lifecycle
{
    public static void EnsureAllowed(LifecycleState from, LifecycleState to, string what)
    {
        if (from == to)
        {
            return;
        }

        if (to == LifecycleState.Draft)
        {
            throw new DomainRuleException(
                "lifecycleState",
                $"A {what} that has been {Text(from)} cannot return to draft.",
                Text(to));
        }

        if (from == LifecycleState.Draft && to == LifecycleState.Archived)
        {
            throw new DomainRuleException(
                "lifecycleState",
                $"A draft {what} cannot be archived; publish it first.",
                Text(to));
        }
    }

    public static string Text(LifecycleState state) => state switch
    {
        LifecycleState.Draft => "draft",
        LifecycleState.Published => "published",
        LifecycleState.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
