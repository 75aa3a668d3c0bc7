using System.Globalization;
using Entitle.Domain;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Entitle.Api.GraphQL.Scalars;

/// <summary>
/// The <c>DateTime</c> scalar as Administrate writes it: ISO 8601 in UTC, <c>"2023-05-01T00:00:00Z"</c>. Input
/// may carry any offset (it is converted to UTC), no offset (read as UTC), or be a bare date (midnight UTC).
/// </summary>
public sealed class UtcDateTimeGraphType : DateTimeGraphType
{
    private static readonly string[] Formats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK",
        "yyyy'-'MM'-'dd'T'HH':'mmK",
        "yyyy'-'MM'-'dd",
    ];

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse(s.Value.ToString()),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        DateTime d => d.ToUniversalTime(),
        string s => Parse(s),
        null => null,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        DateTime d => Instant.Format(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d),
        null => null,
        _ => ThrowSerializationError(value),
    };

    /// <summary>
    /// Parses an instant as this scalar does; filters use it for their string values. An offset that carries the
    /// instant outside 0001-01-01..9999-12-31 in UTC (<c>0001-01-01T00:00:00+14:00</c>) is not an instant at all,
    /// where a <see cref="DateTime"/> parse would quietly move it by a day.
    /// </summary>
    public static bool TryParse(string? text, out DateTime value)
    {
        var parsed = DateTimeOffset.TryParseExact(text, Formats, DateTimeFormatInfo.InvariantInfo, DateTimeStyles.AssumeUniversal, out var instant);
        value = parsed ? instant.UtcDateTime : default;
        return parsed;
    }

    private static DateTime Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"\"{text}\" is not an ISO-8601 instant such as 2023-05-01T00:00:00Z.");
}
