using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Entitle.Bench.Data;
using Entitle.Bench.Hosting;

namespace Entitle.Bench.Suite;

/// <summary>
/// The requests each workload sends, to Entitle and to the baseline program, built from what the generator wrote.
/// Write workloads number their requests so that no two ask for the same change: request n of W4 redeems a key no
/// other request names, for a learner inside the key's organization.
/// </summary>
public sealed class SuiteRequests(GeneratedData data)
{
    /// <summary>The seed's first example, asked for a page of 100.</summary>
    public const string CatalogQuery = """
        query { trainingPassTypes(first: 100, filters: [{field: lifecycleState, operation: eq, value: "published"}]) { edges { node {
          id name lifecycleState
          content { edges { node { __typename ... on CourseTemplate { code } ... on LearningPath { name } } } }
          options { edges { node { name prices { edges { node { amount financialUnit { name } } } } } } }
        } } } }
        """;

    private const string IssueMutation = """
        mutation($input: TrainingPassIssueInput!) { trainingPass { issuePass(input: $input) { trainingPass { id validFrom validUntil } errors { label message value } } } }
        """;

    private DataSize Size => data.Size;

    public AccessProbe Probe(long n) => data.Probes[(int)(n % data.Probes.Count)];

    public HttpRequestMessage TmsAccess(AccessProbe probe) =>
        Tms(HttpMethod.Get, $"/api/2.0/CheckCourseAccess?userId={probe.ContactId}&courseId={probe.CourseId}");

    public HttpRequestMessage BaselineAccess(AccessProbe probe) =>
        Tms(HttpMethod.Get, $"/baseline/access?userId={probe.ContactId}&courseId={probe.CourseId}");

    public HttpRequestMessage GraphQLAccess(AccessProbe probe) => GraphQL(
        "query($c: ID!, $t: ID!) { contentAccess(contactId: $c, contentId: $t) { granted reason grantingPasses { id } } }",
        new { c = GlobalIds.Of("Person", probe.ContactId), t = GlobalIds.Of("CourseTemplate", probe.CourseId) });

    public HttpRequestMessage GraphQLCatalog() => GraphQL(CatalogQuery, null);

    public HttpRequestMessage BaselineCatalog() => Tms(HttpMethod.Get, "/baseline/catalog?first=100");

    /// <summary>
    /// W4's n-th redemption on one side: Entitle takes the first half of the generated keys, the baseline the second,
    /// so that each side finds every key it names unused. The learner is one of the contacts of the key's organization.
    /// </summary>
    public HttpRequestMessage Redeem(bool baseline, long n)
    {
        var half = Size.Keys / 2;
        var key = (int)(n % half) + (baseline ? half : 0);
        var batch = (key / DataSize.KeysPerBatch) + 1;
        var request = Tms(HttpMethod.Post, baseline ? "/baseline/redeem" : "/api/2.0/RedeemSubscriptionTrainingKey");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["trainingKey"] = GeneratedData.KeyText(key),
            ["userId"] = Text(ContactOf(data.OrganizationOfBatch(batch), n)),
        });
        return request;
    }

    /// <summary>
    /// W5's n-th pass: a learner, a pass type of the learner's organization and its monthly option, and a year from a
    /// date that moves with n, so that no two passes are alike.
    /// </summary>
    public HttpRequestMessage Issue(bool baseline, long n)
    {
        var contact = (int)(n % Size.Contacts) + 1;
        var organization = data.ChildOrganization(contact);
        var typesPerOrganization = Size.PassTypes / Size.Organizations;
        var type = PassTypeOf(organization, (int)(n / Size.Contacts % typesPerOrganization));
        var from = data.GeneratedAt.Date.AddDays(n % 365);
        var until = from.AddYears(1);
        if (baseline)
        {
            var request = Tms(HttpMethod.Post, "/baseline/issue");
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["passTypeId"] = Text(type),
                ["optionId"] = Text(GeneratedData.FirstOptionId(type)),
                ["contactId"] = Text(contact),
                ["validFrom"] = Domain.Instant.Format(from),
                ["validUntil"] = Domain.Instant.Format(until),
            });
            return request;
        }

        return GraphQL(IssueMutation, new
        {
            input = new
            {
                trainingPassTypeId = GlobalIds.Of("TrainingPassType", type),
                trainingPassTypeOptionId = GlobalIds.Of("TrainingPassTypeOption", GeneratedData.FirstOptionId(type)),
                contactId = GlobalIds.Of("Person", contact),
                validFrom = Domain.Instant.Format(from),
                validUntil = Domain.Instant.Format(until),
            },
        });
    }

    /// <summary>W3's call: <paramref name="count"/> keys of pass type 1 for its organization, expiring a year after the data set was made.</summary>
    public HttpRequestMessage Mint(bool baseline, int count)
    {
        var request = Tms(HttpMethod.Post, baseline ? "/baseline/keys" : "/api/2.0/CreateSubscriptionTrainingKeys");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subscriptionProfileId"] = "1",
            ["organizationId"] = Text(data.ChildOrganization(1)),
            ["expirationDate"] = new DateTimeOffset(data.GeneratedAt.AddYears(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["numberOfKeys"] = Text(count),
        });
        return request;
    }

    /// <summary>One of the contacts of <paramref name="organization"/>, varying with <paramref name="n"/>.</summary>
    private int ContactOf(int organization, long n)
    {
        // Contact c is in ChildOrganization(c) = RootId + 1 + c % Organizations.
        var remainder = organization - data.ChildOrganization(0);
        var perOrganization = Size.Contacts / Size.Organizations;
        var contact = remainder + (Size.Organizations * (int)(n % perOrganization));
        return contact == 0 ? Size.Organizations * perOrganization : contact;
    }

    /// <summary>The <paramref name="index"/>-th pass type of <paramref name="organization"/> (pass type t is in ChildOrganization(t)).</summary>
    private int PassTypeOf(int organization, int index)
    {
        var remainder = organization - data.ChildOrganization(0);
        var type = remainder + (Size.Organizations * index);
        return type == 0 ? Size.Organizations * (Size.PassTypes / Size.Organizations) : type;
    }

    private HttpRequestMessage Tms(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("api_key", data.Credential);
        return request;
    }

    private HttpRequestMessage GraphQL(string query, object? variables)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", data.Credential);
        return request;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
