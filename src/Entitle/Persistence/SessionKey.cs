namespace Entitle.Persistence;

/// <summary>
/// One key of the ring that protects the web pages' session cookies and antiforgery tokens, as ASP.NET Data
/// Protection writes it (encrypted under the installation's pepper). Kept in the database so that every node
/// reads the cookies every other node writes.
/// </summary>
public sealed class SessionKey
{
    private SessionKey()
    {
    }

    public int Id { get; private set; }

    public string FriendlyName { get; private set; } = "";

    public string Xml { get; private set; } = "";

    public static SessionKey Of(string friendlyName, string xml) => new() { FriendlyName = friendlyName, Xml = xml };
}
