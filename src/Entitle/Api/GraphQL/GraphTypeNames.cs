namespace Entitle.Api.GraphQL;

public static class GraphTypeNames
{
    /// <summary>A graph type's GraphQL name from its class: <c>TrainingPassTypeGraphType</c> gives <c>TrainingPassType</c>.</summary>
    public static string Of(Type graphType) => graphType.Name.Replace("GraphType", "", StringComparison.Ordinal);
}
