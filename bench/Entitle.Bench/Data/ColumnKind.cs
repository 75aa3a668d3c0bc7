namespace Entitle.Bench.Data;

/// <summary>How a generated value is written: each provider stores instants and booleans its own way.</summary>
public enum ColumnKind
{
    WholeNumber,

    /// <summary>A 64-bit number (PostgreSQL <c>bigint</c>, such as money in minor units).</summary>
    LongWholeNumber,
    Text,

    /// <summary>A UTC <see cref="DateTime"/>: SQLite text as EF Core writes it, PostgreSQL <c>timestamptz</c>.</summary>
    Instant,

    /// <summary>SQLite 0/1, PostgreSQL <c>boolean</c>.</summary>
    Boolean,
}
