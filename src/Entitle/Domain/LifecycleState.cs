namespace Entitle.Domain;

/// <summary>The publication state shared by pass types, options and catalog items.</summary>
public enum LifecycleState
{
    Draft,
    Published,
    Archived,
}
