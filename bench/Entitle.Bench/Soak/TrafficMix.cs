namespace Entitle.Bench.Soak;

/// <summary>
/// The share of each operation in the traffic, and the order they are sent in: a fixed cycle that interleaves them
/// evenly (smooth weighted round robin), so that every second of the run carries the same mix and a rerun the same
/// requests.
/// </summary>
public static class TrafficMix
{
    /// <summary>Weights out of 100: about 70 % reads and 30 % writes, keys minted faster than they are redeemed.</summary>
    public static readonly IReadOnlyList<(SoakOperation Operation, int Weight, string Label)> Operations =
    [
        (SoakOperation.PassTypeSearch, 14, "GraphQL `trainingPassTypes` (published, with content, options and prices)"),
        (SoakOperation.PassList, 10, "GraphQL `trainingPasses` (newest 20, with contacts)"),
        (SoakOperation.ContentAccess, 12, "GraphQL `contentAccess`"),
        (SoakOperation.IssuePass, 9, "GraphQL `trainingPass.issuePass`"),
        (SoakOperation.RenewPass, 7, "GraphQL `trainingPass.renewPass`"),
        (SoakOperation.MintKeys, 5, "TMS `CreateSubscriptionTrainingKeys` (3 keys)"),
        (SoakOperation.RedeemKey, 10, "TMS `RedeemSubscriptionTrainingKey`"),
        (SoakOperation.SearchSubscriptions, 11, "TMS `SearchSubscriptions` (one learner's)"),
        (SoakOperation.GetUser, 11, "TMS `GetUser`"),
        (SoakOperation.CheckCourseAccess, 11, "TMS `CheckCourseAccess`"),
    ];

    public static string Label(SoakOperation operation) => Operations.First(o => o.Operation == operation).Label;

    public static bool IsWrite(SoakOperation operation) =>
        operation is SoakOperation.IssuePass or SoakOperation.RenewPass or SoakOperation.MintKeys or SoakOperation.RedeemKey;

    /// <summary>One cycle of the mix, as long as the weights' sum.</summary>
    public static IReadOnlyList<SoakOperation> Cycle()
    {
        var total = Operations.Sum(o => o.Weight);
        var current = new int[Operations.Count];
        var cycle = new List<SoakOperation>(total);
        for (var slot = 0; slot < total; slot++)
        {
            var chosen = 0;
            for (var i = 0; i < Operations.Count; i++)
            {
                current[i] += Operations[i].Weight;
                if (current[i] > current[chosen])
                {
                    chosen = i;
                }
            }

            current[chosen] -= total;
            cycle.Add(Operations[chosen].Operation);
        }

        return cycle;
    }
}
