using Entitle.Domain.Access;
using GraphQL.Types;

namespace Entitle.Api.GraphQL.Access;

public sealed class ContentAccessReasonGraphType : EnumerationGraphType
{
    public ContentAccessReasonGraphType()
    {
        Name = "ContentAccessReason";
        foreach (var reason in Enum.GetValues<AccessReason>())
        {
            Add(AccessDecision.Code(reason), reason);
        }
    }
}
