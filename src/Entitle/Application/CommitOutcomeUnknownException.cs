namespace Entitle.Application;

/// <summary>
/// The database failed while committing: the change may or may not have been made. Not retried automatically; an
/// Idempotency-Key lets the client retry safely.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The database failed while committing; the change may or may not have been made.", inner);
