namespace Entitle.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
