namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// A text field somewhere in a mutation's input (<c>contact.create</c> at <c>personalName.firstName</c>, say), and
/// how to write that input with a given literal there and every other required field filled in.
/// </summary>
public sealed record MutationTextField(string Namespace, string Operation, string Path, Func<string, string> Input)
{
    /// <summary>The whole mutation document with <paramref name="literal"/> in this field.</summary>
    public string Document(string literal) =>
        $"mutation {{ {Namespace} {{ {Operation}(input: {Input(literal)}) {{ errors {{ label message }} }} }} }}";
}
