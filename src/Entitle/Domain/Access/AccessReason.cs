namespace Entitle.Domain.Access;

/// <summary>Why access is granted or denied: the answer an administrator needs when a learner cannot get in.</summary>
public enum AccessReason
{
    Granted,

    /// <summary>The learner holds no pass at all.</summary>
    NoPass,

    /// <summary>The learner holds passes, but none of their types includes the content.</summary>
    NotInContent,

    /// <summary>A pass includes the content but starts later.</summary>
    PassNotStarted,

    /// <summary>A pass included the content but has ended.</summary>
    PassExpired,

    /// <summary>A pass included the content but was revoked.</summary>
    PassCancelled,

    /// <summary>The content itself is not published (a draft or archived course or path).</summary>
    ContentNotPublished,
}
