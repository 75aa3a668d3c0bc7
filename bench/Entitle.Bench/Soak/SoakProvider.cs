namespace Entitle.Bench.Soak;

public enum SoakProvider
{
    Sqlite,
    Postgres,
}
