namespace Entitle.Api.Tms;

/// <summary>How a TMS parameter's text is read.</summary>
public enum TmsType
{
    /// <summary>A whole number (int32).</summary>
    Number,

    /// <summary>Unix epoch seconds, UTC (int64); numeric strings as the vendor documents.</summary>
    Epoch,

    Text,

    /// <summary><c>true</c>/<c>false</c>, also <c>1</c>/<c>0</c>.</summary>
    Boolean,

    /// <summary>A comma-separated list of strings.</summary>
    List,
}
