namespace Entitle.Web.Explorer;

/// <summary>What a run answered: the API's JSON, indented for reading, and the organization it ran as.</summary>
public sealed record GraphQLExplorerAnswer(string Json, string RanAs);
