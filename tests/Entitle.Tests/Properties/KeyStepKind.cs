namespace Entitle.Tests.Properties;

/// <summary>What one request of a <see cref="KeySchedule"/> does to the key.</summary>
internal enum KeyStepKind
{
    /// <summary>A learner redeems the key (over TMS or GraphQL).</summary>
    Redeem,

    /// <summary>A learner redeems the key over TMS and, if that worked, revokes the pass it got.</summary>
    RedeemThenRevoke,

    /// <summary>An administrator overwrites the key with another maxKeyUses (TMS UpdateSubscriptionTrainingKey).</summary>
    SetLimit,

    /// <summary>An administrator deletes the key (TMS DeleteSubscriptionTrainingKey).</summary>
    Delete,
}
