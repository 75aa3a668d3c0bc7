using GraphQL.Types;

namespace Entitle.Api.GraphQL;

/// <summary>Anything with a global id, resolvable through <c>node(id:)</c>.</summary>
public sealed class NodeGraphType : InterfaceGraphType
{
    public NodeGraphType()
    {
        Name = "Node";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
