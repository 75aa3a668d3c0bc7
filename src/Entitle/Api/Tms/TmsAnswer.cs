namespace Entitle.Api.Tms;

/// <summary>The fields of an answer after <c>Status</c> and <c>Error</c>, in order, named exactly as the vendor does.</summary>
public sealed class TmsAnswer
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    public static TmsAnswer Empty => new();

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    public static TmsAnswer With(string name, object? value) => new TmsAnswer().And(name, value);

    public TmsAnswer And(string name, object? value)
    {
        _fields.Add(new(name, value));
        return this;
    }
}
