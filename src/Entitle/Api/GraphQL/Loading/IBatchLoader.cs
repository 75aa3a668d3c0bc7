namespace Entitle.Api.GraphQL.Loading;

public interface IBatchLoader
{
    /// <summary>Forgets what was loaded, so the next request for a key reads the database again.</summary>
    void Clear();
}
