namespace Entitle.Bench.Data;

/// <summary>What the workloads need to know about a generated data set, without reading it back.</summary>
/// <param name="Size">The sizes it was made with.</param>
/// <param name="Credential">The root organization's credential (its hash is stored under the service's default pepper).</param>
/// <param name="GeneratedAt">The instant pass dates were spread around.</param>
/// <param name="Probes">Access questions about contacts with passes and courses in and out of their pass types.</param>
/// <param name="LoadTook">How long the rows took to write.</param>
public sealed record GeneratedData(DataSize Size, string Credential, DateTime GeneratedAt, IReadOnlyList<AccessProbe> Probes, TimeSpan LoadTook)
{
    /// <summary>The text of generated key number <paramref name="index"/> (0-based): unique, 16 upper-case letters and digits.</summary>
    public static string KeyText(int index) => "BK" + Base36(index).PadLeft(14, '0');

    /// <summary>The child organization the generator put row number <paramref name="index"/> of a table in (pass type n is in ChildOrganization(n)).</summary>
    public int ChildOrganization(int index) => 2 + (index % Size.Organizations);

    /// <summary>The organization the keys of batch number <paramref name="batch"/> (1-based) belong to, as the generator assigns it.</summary>
    public int OrganizationOfBatch(int batch) => ChildOrganization(batch);

    /// <summary>The option ids of pass type <paramref name="passTypeId"/>: options are written in pass type order.</summary>
    public static int FirstOptionId(int passTypeId) => ((passTypeId - 1) * DataSize.OptionsPerPassType) + 1;

    private static string Base36(int value)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var text = "";
        do
        {
            text = digits[value % 36] + text;
            value /= 36;
        }
        while (value > 0);
        return text;
    }
}
