using System.Text;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>
/// Everything an organization sees of itself: every list of the schema read whole with all that its items offer,
/// and its training keys, which only TMS shows. Work a sibling does on its own rows must leave it as it was.
/// </summary>
public sealed class OwnerView(IsolationClient client, IntrospectedSchema schema, Tenant owner)
{
    public async Task<string> TakeAsync()
    {
        var text = new StringBuilder();
        var lists = schema.FieldNames(schema.QueryType).Where(r => schema.FieldType(schema.QueryType, r).EndsWith("Connection", StringComparison.Ordinal));
        foreach (var root in lists)
        {
            var answer = await client.GraphQLAsync($"{{ {root}(first: 100) {{ {schema.Selection(schema.FieldType(schema.QueryType, root))} }} }}", owner.Key);
            // A refused document (too complex, say) would read the same before and after and hide any change.
            Assert.True(answer.HttpStatus == 200 && !answer.HasTopLevelErrors, $"The owner's view of {root} failed: {answer.Body}");
            text.Append(root).Append(": ").AppendLine(answer.Body);
        }

        var keys = await client.TmsAsync(TmsQuery.Of("SearchSubscriptionTrainingKeys", ("pageSize", 1000)), owner.Key);
        Assert.True(keys.TmsStatus == 0, $"The owner's view of its keys failed: {keys.Body}");
        return text.Append("keys: ").AppendLine(keys.Body).ToString();
    }
}
