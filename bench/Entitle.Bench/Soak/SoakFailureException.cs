namespace Entitle.Bench.Soak;

/// <summary>An answer the soak counts as an error, with what was wrong with it.</summary>
public sealed class SoakFailureException : Exception
{
    public SoakFailureException()
    {
    }

    public SoakFailureException(string message)
        : base(message)
    {
    }

    public SoakFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
