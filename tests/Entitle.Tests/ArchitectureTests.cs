namespace Entitle.Tests;

/// <summary>The domain stays free of framework types: no EF Core, ASP.NET Core or GraphQL in Domain/.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void TheDomainReferencesNoFramework()
    {
        var domain = typeof(Entitle.Domain.DomainRuleException).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Entitle.Domain", StringComparison.Ordinal) == true)
            .ToList();
        var forbidden = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "GraphQL", "Npgsql", "Microsoft.Data.Sqlite", "Entitle.Persistence", "Entitle.Api", "Entitle.Application" };

        var offenders = domain
            .SelectMany(t => t.GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
                .SelectMany(MemberTypes)
                .Append(t.BaseType)
                .OfType<Type>()
                .Where(used => forbidden.Any(f => used.FullName?.StartsWith(f, StringComparison.Ordinal) == true || used.Assembly.GetName().Name?.StartsWith(f, StringComparison.Ordinal) == true))
                .Select(used => $"{t.FullName} uses {used.FullName}"))
            .ToList();

        Assert.NotEmpty(domain);
        Assert.Empty(offenders);
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "Entitle", "Domain"), "*.cs", SearchOption.AllDirectories);
        Assert.All(sources, file => Assert.DoesNotContain(File.ReadAllLines(file), line => line.StartsWith("using ", StringComparison.Ordinal) && forbidden.Any(f => line.Contains(f, StringComparison.Ordinal))));
    }

    private static IEnumerable<Type?> MemberTypes(System.Reflection.MemberInfo member) => member switch
    {
        System.Reflection.FieldInfo f => [f.FieldType],
        System.Reflection.PropertyInfo p => [p.PropertyType],
        System.Reflection.MethodInfo m => m.GetParameters().Select(x => x.ParameterType).Append(m.ReturnType),
        System.Reflection.ConstructorInfo c => c.GetParameters().Select(x => x.ParameterType),
        _ => [],
    };

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Entitle.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Entitle.slnx) was not found above the test binaries.");
    }
}
