using Entitle.Application.Catalog;
using Entitle.Application.Contacts;
using Entitle.Application.Demo;
using Entitle.Application.Keys;
using Entitle.Application.Organizations;
using Entitle.Application.Passes;
using Entitle.Application.PassTypes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Entitle.Application;

public static class ApplicationSetup
{
    /// <summary>The use cases both APIs call. Each lives as long as the request and its DbContext.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialHasher>();
        services.AddScoped<CredentialAuthenticator>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<OrganizationQueries>();
        services.AddScoped<ContactService>();
        services.AddScoped<ContactQueries>();
        services.AddScoped<CatalogService>();
        services.AddScoped<CatalogQueries>();
        services.AddScoped<PassTypeService>();
        services.AddScoped<PassTypeQueries>();
        services.AddScoped<PassService>();
        services.AddScoped<PassQueries>();
        services.AddScoped<TrainingKeyService>();
        services.AddScoped<TrainingKeyQueries>();
        services.AddScoped<DemoCatalog>();
        return services;
    }
}
