namespace Entitle.Domain.Access;

/// <summary>A course start refused because access is denied; the message says why in words, the reason in code.</summary>
public sealed class AccessDeniedException(AccessReason reason, string field, string? value)
    : DomainRuleException(field, $"Access is denied ({AccessDecision.Code(reason)}): {Sentence(reason)}", value)
{
    public AccessReason Reason { get; } = reason;

    private static string Sentence(AccessReason reason) => reason switch
    {
        AccessReason.NoPass => "the learner holds no pass.",
        AccessReason.NotInContent => "none of the learner's passes includes this course.",
        AccessReason.PassNotStarted => "the learner's pass for this course has not started yet.",
        AccessReason.PassExpired => "the learner's pass for this course has expired.",
        AccessReason.PassCancelled => "the learner's pass for this course was revoked.",
        AccessReason.ContentNotPublished => "this course is not published.",
        _ => "access is not granted.",
    };
}
