namespace Entitle.Api.Tms;

/// <summary>The status codes every TMS answer carries.</summary>
public static class TmsStatus
{
    public const int Success = 0;
    public const int Error = 10;
    public const int NotFound = 20;
    public const int InvalidIntegrationKey = 30;
}
