using Entitle.Domain;

namespace Entitle.Web.Components.Common;

/// <summary>
/// What went wrong with a form, by field: a refused rule is shown next to the input it names (the domain's field
/// names), and anything that names no input of the form above the form.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    public string? Summary { get; private set; }

    public bool Any => _byField.Count > 0 || Summary is not null;

    public string? For(string field) => _byField.GetValueOrDefault(field);

    public void Add(string field, string message) => _byField[field] = message;

    /// <summary>The ids an input's aria-describedby names: its help, and its error when it has one.</summary>
    public string? DescribedBy(string field, string? help = null)
    {
        var ids = new[] { help, For(field) is null ? null : field + "-error" }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public string Invalid(string field) => For(field) is null ? "false" : "true";

    public void Fail(string message) => Summary = message;

    /// <summary>Runs a use case; a refusal is kept against the input it names when the form has it (<paramref name="fields"/>).</summary>
    /// <returns>Whether it succeeded.</returns>
    public async Task<bool> RunAsync(Func<Task> action, params string[] fields)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainRuleException e)
        {
            var field = fields.FirstOrDefault(f => string.Equals(f, e.Field, StringComparison.OrdinalIgnoreCase)
                || e.Field.EndsWith("." + f, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                Fail(e.Message);
            }
            else
            {
                Add(field, e.Message);
            }

            return false;
        }
    }
}
