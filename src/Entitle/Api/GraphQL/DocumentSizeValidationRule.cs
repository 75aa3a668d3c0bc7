using GraphQL.Validation;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL;

/// <summary>
/// Refuses documents with more fields or aliases than any real client writes; together with the depth and
/// complexity limits this bounds the work one request can ask for.
/// </summary>
public sealed class DocumentSizeValidationRule(int maxFields, int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var fields = 0;
        var aliases = 0;
        var reported = false;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            fields++;
            if (field.Alias is not null)
            {
                aliases++;
            }

            if (!reported && (fields > maxFields || aliases > maxAliases))
            {
                reported = true;
                ctx.ReportError(new ValidationError($"The document is too large: at most {maxFields} fields and {maxAliases} aliases are accepted.") { Code = "DOCUMENT_TOO_LARGE" });
            }
        }));
    }
}
