using System.Text.Encodings.Web;
using Entitle.Api.GraphQL.Scalars;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

public static class GraphQLSetup
{
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        services.AddSingleton(limits);
        services.AddSingleton<ValidatedDocuments>();

        // Every DateTime in the schema is written and read the way Administrate does: UTC with a Z.
        services.AddSingleton<DateTimeGraphType, UtcDateTimeGraphType>();

        services.AddGraphQL(b => b
            .AddSchema<EntitleSchema>()
            .AddGraphTypes(typeof(EntitleSchema).Assembly)
            // Answers read like the seed's: no \u0027 or \u002B escapes.
            .AddSystemTextJson(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Resolvers share the request's DbContext, which allows one operation at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddExecutionStrategy<NamespacedMutationExecutionStrategy>(OperationType.Mutation)
            // The size, depth and complexity limits are not added here, where they would run on every request:
            // ValidatedDocuments gives each document the rules it needs (a known one only those its variables move).
            .AddUnhandledExceptionHandler(context =>
            {
                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Entitle.GraphQL");
                logger?.LogError(context.OriginalException, "Unhandled error while executing a GraphQL request");
            }));
        return services;
    }

    public static IEndpointRouteBuilder MapGraphQLApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/graphql", GraphQLEndpoint.PostAsync);
        endpoints.MapGet("/graphql", GraphQLEndpoint.GetAsync);
        // Every other HTTP method, whatever its name, gets the errors shape rather than routing's empty 405; the
        // higher order leaves GET and POST to the endpoints above.
        endpoints.Map("/graphql", GraphQLEndpoint.MethodNotAllowedAsync).WithOrder(1);
        return endpoints;
    }
}
