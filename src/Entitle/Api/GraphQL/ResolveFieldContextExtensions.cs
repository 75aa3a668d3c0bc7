using Entitle.Api.GraphQL.Loading;
using Entitle.Application;
using GraphQL;

namespace Entitle.Api.GraphQL;

public static class ResolveFieldContextExtensions
{
    public static EntitleUserContext Entitle(this IResolveFieldContext context) =>
        context.UserContext as EntitleUserContext ?? throw new InvalidOperationException("The request carries no caller.");

    public static Caller Caller(this IResolveFieldContext context) => context.Entitle().Caller;

    public static Loaders Loaders(this IResolveFieldContext context) => context.Entitle().Loaders;

    /// <summary>A service from the request's scope (the one the request's DbContext lives in).</summary>
    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("The request carries no services.")).GetRequiredService<T>();
}
