namespace Entitle.Web.Sessions;

/// <summary>
/// Hands a learner their one-time sign-in link. Entitle sends no mail: with <c>Web:SignInLinksInLog</c> (on in
/// Development) the link is written to the log, so the portal can be tried without a mail server; otherwise the
/// log says only that a link was asked for. A link is a credential, so the setting must stay off in production.
/// </summary>
public sealed partial class SignInLinkDelivery(IConfiguration configuration, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("Entitle.SignInLinks");
    private readonly bool _toLog = configuration.GetValue("Web:SignInLinksInLog", false);

    public void Deliver(int contactId, string email, string link)
    {
        if (_toLog)
        {
            LinkIssued(_logger, contactId, email, link);
        }
        else
        {
            LinkAskedFor(_logger, contactId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link for learner {ContactId} <{Email}>: {Link}")]
    private static partial void LinkIssued(ILogger logger, int contactId, string email, string link);

    [LoggerMessage(Level = LogLevel.Information, Message = "A sign-in link was asked for learner {ContactId}; no mail delivery is configured, so set Web:SignInLinksInLog to try the portal")]
    private static partial void LinkAskedFor(ILogger logger, int contactId);
}
