namespace Entitle.Bench.Data;

/// <summary>A table as the generator fills it: its name, the columns written (in row order), and its identity column if any.</summary>
public sealed record TableShape(string Name, IReadOnlyList<TableColumn> Columns, string? IdentityColumn = "id")
{
    public static TableShape Of(string name, params (string Column, ColumnKind Kind)[] columns) =>
        new(name, [.. columns.Select(c => new TableColumn(c.Column, c.Kind))]);

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}
