namespace Entitle.Bench.Soak;

/// <summary>The calls the soak makes, all documented in docs/graphql-api.md and docs/tms-api.md.</summary>
public enum SoakOperation
{
    PassTypeSearch,
    PassList,
    ContentAccess,
    IssuePass,
    RenewPass,
    MintKeys,
    RedeemKey,
    SearchSubscriptions,
    GetUser,
    CheckCourseAccess,
}
