using System.Collections.Concurrent;
using System.Globalization;

using Entitle.Bench.Hosting;

namespace Entitle.Bench.Soak;

/// <summary>
/// One call per operation, its answer checked by <see cref="SoakClient"/>. Writes feed each other across the two
/// APIs: issued and redeemed passes are renewed in turn, minted keys are redeemed once each.
/// </summary>
/// <remarks>
/// Renewals take the passes in turn from a list that only grows, so a slow answer never leaves none to renew (two
/// renewals of one pass may overlap, which the service serializes). Keys are taken from a queue that the priming
/// fills with half a minute's worth of redemptions, so that minting's latency never starves it.
/// </remarks>
public sealed class SoakTraffic(SoakClient client, SoakCatalog catalog, TimeProvider clock)
{
    private const int KeysPerMint = 3;

    private const string PassTypeSearch = """
        query {
          trainingPassTypes(filters: [{field: lifecycleState, operation: eq, value: "published"}]) {
            edges { node {
              id name lifecycleState
              content { edges { node { __typename ... on CourseTemplate { code } ... on LearningPath { name } } } }
              options { edges { node { name prices { edges { node { amount financialUnit { name } } } } } } }
            } }
          }
        }
        """;

    private const string PassList = """
        query {
          trainingPasses(first: 20, order: {field: createdAt, direction: desc}) {
            pageInfo { totalRecords hasNextPage }
            edges { node {
              id legacyId validFrom validUntil lifecycleState isActive
              contact { id personalName { firstName lastName } emailAddress }
              trainingPassType { name }
              option { name }
            } }
          }
        }
        """;

    private const string ContentAccess = """
        query ($contactId: ID!, $contentId: ID!) {
          contentAccess(contactId: $contactId, contentId: $contentId) { granted reason grantingPasses { id validUntil } }
        }
        """;

    private const string IssuePass = """
        mutation ($typeId: ID!, $optionId: ID!, $contactId: ID!) {
          trainingPass { issuePass(input: {trainingPassTypeId: $typeId, trainingPassTypeOptionId: $optionId, contactId: $contactId}) {
            trainingPass { id validFrom validUntil }
            errors { label message value }
          } }
        }
        """;

    private const string RenewPass = """
        mutation ($passId: ID!) {
          trainingPass { renewPass(input: {trainingPassId: $passId}) {
            trainingPass { id validFrom validUntil }
            errors { label message value }
          } }
        }
        """;

    private readonly Lock _passesLock = new();
    private readonly List<string> _passesToRenew = [];
    private readonly ConcurrentQueue<string> _keysToRedeem = new();
    private long _learnerCursor;
    private long _renewCursor;

    /// <summary>Passes to renew and keys to redeem from the first second on (not measured).</summary>
    public async Task PrimeAsync(double rate, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 10; i++)
        {
            await RunAsync(SoakOperation.IssuePass, cancellationToken);
        }

        var redeemShare = TrafficMix.Operations.Single(o => o.Operation == SoakOperation.RedeemKey).Weight / (double)TrafficMix.Operations.Sum(o => o.Weight);
        await MintAsync((int)Math.Ceiling(Math.Max(10, rate * redeemShare * 30)), cancellationToken);
    }

    public Task RunAsync(SoakOperation operation, CancellationToken cancellationToken) => operation switch
    {
        SoakOperation.PassTypeSearch => client.GraphQLAsync(PassTypeSearch, null, cancellationToken),
        SoakOperation.PassList => client.GraphQLAsync(PassList, null, cancellationToken),
        SoakOperation.ContentAccess => client.GraphQLAsync(ContentAccess, new { contactId = NextLearner().ContactId, contentId = catalog.CourseId }, cancellationToken),
        SoakOperation.IssuePass => IssueAsync(cancellationToken),
        SoakOperation.RenewPass => RenewAsync(cancellationToken),
        SoakOperation.MintKeys => MintAsync(KeysPerMint, cancellationToken),
        SoakOperation.RedeemKey => RedeemAsync(cancellationToken),
        SoakOperation.SearchSubscriptions => client.TmsAsync("SearchSubscriptions", Parameters(("userId", NextLearner().UserId), ("pageSize", 20)), post: false, cancellationToken),
        SoakOperation.GetUser => client.TmsAsync("GetUser", Parameters(("id", NextLearner().UserId)), post: false, cancellationToken),
        SoakOperation.CheckCourseAccess => client.TmsAsync("CheckCourseAccess", Parameters(("userId", NextLearner().UserId), ("courseId", catalog.CourseLegacyId)), post: false, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private async Task IssueAsync(CancellationToken cancellationToken)
    {
        var data = await client.GraphQLAsync(IssuePass, new { typeId = catalog.PassTypeId, optionId = catalog.OptionId, contactId = NextLearner().ContactId }, cancellationToken);
        AddRenewable(data.GetProperty("trainingPass").GetProperty("issuePass").GetProperty("trainingPass").GetProperty("id").GetString()!);
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        string passId;
        lock (_passesLock)
        {
            passId = _passesToRenew[(int)(_renewCursor++ % _passesToRenew.Count)];
        }

        await client.GraphQLAsync(RenewPass, new { passId }, cancellationToken);
    }

    private async Task MintAsync(int keys, CancellationToken cancellationToken)
    {
        var expiration = clock.GetUtcNow().AddDays(1).ToUnixTimeSeconds();
        var answer = await client.TmsAsync(
            "CreateSubscriptionTrainingKeys",
            Parameters(("subscriptionProfileId", catalog.PassTypeLegacyId), ("expirationDate", expiration), ("numberOfKeys", keys)),
            post: true,
            cancellationToken);
        foreach (var key in answer.GetProperty("CreateSubscriptionsResults").EnumerateArray())
        {
            _keysToRedeem.Enqueue(key.GetProperty("trainingKey").GetString()!);
        }
    }

    private async Task RedeemAsync(CancellationToken cancellationToken)
    {
        if (!_keysToRedeem.TryDequeue(out var key))
        {
            throw new SoakFailureException("The soak ran out of keys to redeem (its mix mints too few).");
        }

        var parameters = new Dictionary<string, string> { ["trainingKey"] = key, ["userId"] = Text(NextLearner().UserId) };
        var answer = await client.TmsAsync("RedeemSubscriptionTrainingKey", parameters, post: true, cancellationToken);
        AddRenewable(GlobalIds.Of("TrainingPass", answer.GetProperty("ClubMembershipId").GetInt32()));
    }

    private void AddRenewable(string passId)
    {
        lock (_passesLock)
        {
            _passesToRenew.Add(passId);
        }
    }

    private SoakLearner NextLearner() =>
        catalog.Learners[(int)((ulong)Interlocked.Increment(ref _learnerCursor) % (ulong)catalog.Learners.Count)];

    private static Dictionary<string, string> Parameters(params (string Name, long Value)[] values) =>
        values.ToDictionary(v => v.Name, v => Text(v.Value));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
