namespace Entitle.Api.Tms;

/// <summary>A request the method cannot accept as written: a missing, repeated or malformed parameter.</summary>
public sealed class TmsRequestException(string message, int status = TmsStatus.Error) : Exception(message)
{
    public int Status { get; } = status;
}
