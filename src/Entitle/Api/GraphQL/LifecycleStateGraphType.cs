using Entitle.Domain;

namespace Entitle.Api.GraphQL;

/// <summary><c>draft</c>, <c>published</c>, <c>archived</c>: the states of pass types, options, courses and paths.</summary>
public sealed class LifecycleStateGraphType : LowerCaseEnumGraphType<LifecycleState>
{
    public LifecycleStateGraphType() => Name = "LifecycleState";
}
