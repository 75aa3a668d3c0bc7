namespace Entitle.Api.GraphQL.Filtering;

/// <summary>The <c>order</c> argument, as the client wrote it.</summary>
public sealed class OrderInput
{
    public string Field { get; set; } = "";

    public OrderDirection Direction { get; set; }
}
