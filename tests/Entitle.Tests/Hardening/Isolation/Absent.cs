using Entitle.Tests.Support;

namespace Entitle.Tests.Hardening.Isolation;

/// <summary>Ids of the same shape as a real one that name nothing: far above anything a test makes.</summary>
public static class Absent
{
    private const int Offset = 900_000;

    public static int Number(int real) => real + Offset;

    public static string Gid(string prefix, int real) => Ids.Of(prefix, Number(real));
}
