namespace Entitle.Tests.Support;

/// <summary>A statement as the app sent it: its text and each parameter's name and value, so that a test can ask the database how it plans it.</summary>
public sealed record RecordedStatement(string Text, IReadOnlyList<KeyValuePair<string, object?>> Parameters);
