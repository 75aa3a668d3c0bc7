using System.Globalization;
using Entitle.Application;

namespace Entitle.Api.GraphQL.Mutations;

/// <summary>
/// A mutation's <c>input</c> object as the client sent it. Ids are decoded here; an id that does not decode to the
/// expected type is reported exactly like an unknown one.
/// </summary>
public sealed class MutationInput(IReadOnlyDictionary<string, object?> values)
{
    public bool Has(string field) => values.ContainsKey(field);

    public string? Text(string field) => values.TryGetValue(field, out var v) ? v as string : null;

    public bool? Flag(string field) => values.TryGetValue(field, out var v) && v is bool b ? b : null;

    /// <summary>A list of strings, or null when the field is absent.</summary>
    public List<string>? Texts(string field) =>
        values.TryGetValue(field, out var v) && v is IEnumerable<object?> list ? list.OfType<string>().ToList() : null;

    public int? Number(string field) => values.TryGetValue(field, out var v) && v is int i ? i : null;

    public DateTime? Instant(string field) => values.TryGetValue(field, out var v) && v is DateTime d ? d : null;

    public T? Enum<T>(string field)
        where T : struct, Enum => values.TryGetValue(field, out var v) && v is T e ? e : null;

    public MutationInput? Nested(string field) =>
        values.TryGetValue(field, out var v) && v is IReadOnlyDictionary<string, object?> d ? new MutationInput(d)
        : v is IDictionary<string, object?> m ? new MutationInput(m.AsReadOnly())
        : null;

    public int Id(string field, string prefix, string what) =>
        OptionalId(field, prefix, what) ?? throw new EntityNotFoundException(field, what, Text(field));

    public int? OptionalId(string field, string prefix, string what)
    {
        var raw = Text(field);
        return raw is null ? null : GlobalId.DecodeInt(raw, prefix) ?? throw new EntityNotFoundException(field, what, raw);
    }

    public string? OptionalStringId(string field, string prefix, string what)
    {
        var raw = Text(field);
        return raw is null ? null : GlobalId.DecodeString(raw, prefix) ?? throw new EntityNotFoundException(field, what, raw);
    }

    /// <summary>A list of ids, or null when the field is absent; duplicates are kept for the domain to judge.</summary>
    public List<int>? Ids(string field, string prefix, string what)
    {
        if (!values.TryGetValue(field, out var v) || v is null)
        {
            return null;
        }

        return ((IEnumerable<object?>)v)
            .Select(item => GlobalId.DecodeInt(item as string, prefix) ?? throw new EntityNotFoundException(field, what, item as string))
            .ToList();
    }

    /// <summary>
    /// The rejected value as the client wrote it: the raw input for <paramref name="field"/> when there is one
    /// (for a list of ids, the element that decodes to <paramref name="domainValue"/>), else the domain's value.
    /// </summary>
    public string? RawValueFor(string field, string? domainValue)
    {
        var path = field.Split('.');
        object? current = values;
        foreach (var part in path)
        {
            current = current is IReadOnlyDictionary<string, object?> d && d.TryGetValue(part, out var next) ? next
                : current is IDictionary<string, object?> m && m.TryGetValue(part, out var next2) ? next2
                : null;
        }

        return current switch
        {
            string s => s,
            IEnumerable<object?> list when domainValue is not null => list.OfType<string>()
                .FirstOrDefault(item => GlobalId.Decode(item)?.Key == domainValue) ?? domainValue,
            int i => i.ToString(CultureInfo.InvariantCulture),
            null => domainValue,
            _ => domainValue ?? Convert.ToString(current, CultureInfo.InvariantCulture),
        };
    }
}
