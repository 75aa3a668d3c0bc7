using System.Globalization;
using System.Text.Json;

using Entitle.Bench.Hosting;

namespace Entitle.Bench.Soak;

/// <summary>
/// Before the measured traffic: finds the demo catalog's published pass type over GraphQL and creates the learners
/// over TMS, with the same documented calls a client would make.
/// </summary>
public static class SoakSetup
{
    /// <summary>A prime, so that the mix's 100-slot cycle does not keep pairing one operation with the same learners.</summary>
    public const int LearnerCount = 97;

    private const string PublishedTypes = """
        query {
          trainingPassTypes(filters: [{field: lifecycleState, operation: eq, value: "published"}]) {
            edges { node {
              id legacyId
              options { edges { node { id lifecycleState } } }
              content { edges { node { __typename ... on CourseTemplate { id legacyId } } } }
            } }
          }
        }
        """;

    public static async Task<SoakCatalog> PrepareAsync(SoakClient client, CancellationToken cancellationToken)
    {
        var data = await client.GraphQLAsync(PublishedTypes, null, cancellationToken);
        var type = data.GetProperty("trainingPassTypes").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node"))
            .Select(node => new
            {
                Node = node,
                Option = Nodes(node, "options").FirstOrDefault(o => o.GetProperty("lifecycleState").GetString() == "published"),
                Course = Nodes(node, "content").FirstOrDefault(c => c.GetProperty("__typename").GetString() == "CourseTemplate"),
            })
            .FirstOrDefault(t => t.Option.ValueKind == JsonValueKind.Object && t.Course.ValueKind == JsonValueKind.Object)
            ?? throw new SoakFailureException("The service has no published pass type with a published option and a course (was it started with --demo?).");

        var learners = new List<SoakLearner>(LearnerCount);
        for (var i = 1; i <= LearnerCount; i++)
        {
            var answer = await client.TmsAsync(
                "CreateUser",
                new Dictionary<string, string>
                {
                    ["FirstName"] = "Soak",
                    ["LastName"] = $"Learner {i.ToString(CultureInfo.InvariantCulture)}",
                    ["Email"] = $"soak.learner{i.ToString(CultureInfo.InvariantCulture)}@example.com",
                },
                post: true,
                cancellationToken);
            var userId = answer.GetProperty("UserId").GetInt32();
            learners.Add(new SoakLearner(userId, GlobalIds.Of("Person", userId)));
        }

        return new SoakCatalog(
            type.Node.GetProperty("id").GetString()!,
            type.Node.GetProperty("legacyId").GetInt32(),
            type.Option.GetProperty("id").GetString()!,
            type.Course.GetProperty("id").GetString()!,
            type.Course.GetProperty("legacyId").GetInt32(),
            learners);
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement parent, string connection) =>
        parent.GetProperty(connection).GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"));
}
