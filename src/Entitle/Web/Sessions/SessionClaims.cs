namespace Entitle.Web.Sessions;

/// <summary>The claims a session cookie carries: ids only; everything else is looked up on each request.</summary>
public static class SessionClaims
{
    public const string Organization = "entitle:organization";
    public const string Credential = "entitle:credential";
    public const string Contact = "entitle:contact";
}
