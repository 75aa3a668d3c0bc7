namespace Entitle.Api.Tms;

/// <summary>TMS instants: Unix epoch seconds, UTC.</summary>
public static class TmsTime
{
    public static long Seconds(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    public static long? Seconds(DateTime? utc) => utc is { } value ? Seconds(value) : null;
}
