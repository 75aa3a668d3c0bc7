namespace Entitle.Bench.Data;

public sealed record TableColumn(string Name, ColumnKind Kind);
