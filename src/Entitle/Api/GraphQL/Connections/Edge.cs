namespace Entitle.Api.GraphQL.Connections;

/// <summary>A node and its absolute position in the list, from which its cursor is made.</summary>
public sealed record Edge(object Node, int Index)
{
    public string Cursor => Cursors.Encode(Index);
}
