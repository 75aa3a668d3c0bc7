namespace Entitle.Domain.Passes;

/// <summary>
/// What a pass is at an instant: <see cref="Cancelled"/> is stored and final, <see cref="Expired"/> is derived
/// from the clock (<c>validUntil &lt;= now</c>), anything else is <see cref="Active"/>.
/// </summary>
public enum PassLifecycleState
{
    Active,
    Cancelled,
    Expired,
}
