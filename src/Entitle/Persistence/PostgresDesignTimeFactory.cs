using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Entitle.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresEntitleDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEntitleDbContext>
{
    public PostgresEntitleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEntitleDbContext>()
            .UseNpgsql("Host=localhost;Database=entitle_design")
            .UseSnakeCaseNamingConvention()
            .Options);
}
