using Entitle.Application.Access;
using Entitle.Application.Audit;
using Entitle.Application.Catalog;
using Entitle.Application.Contacts;
using Entitle.Application.Dashboard;
using Entitle.Application.Demo;
using Entitle.Application.Keys;
using Entitle.Application.Learning;
using Entitle.Application.Organizations;
using Entitle.Application.Passes;
using Entitle.Application.PassTypes;
using Entitle.Application.Usage;
using Entitle.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Entitle.Application;

public static class ApplicationSetup
{
    /// <summary>The use cases both APIs call. Each lives as long as the request and its DbContext.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddSingleton(webhooks);
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<WebhookPublisher>();
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookQueries>();
        services.AddScoped<WebhookDispatcher>();
        services.AddScoped<ExpiryNotifier>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialHasher>();
        services.AddSingleton<OrganizationPaths>();
        services.AddScoped<CredentialAuthenticator>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<OrganizationQueries>();
        services.AddScoped<ContactService>();
        services.AddScoped<ContactQueries>();
        services.AddScoped<LearnerSignInService>();
        services.AddScoped<CatalogService>();
        services.AddScoped<CatalogQueries>();
        services.AddScoped<PassTypeService>();
        services.AddScoped<PassTypeQueries>();
        services.AddScoped<PassService>();
        services.AddScoped<PassQueries>();
        services.AddScoped<AccessService>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<UsageService>();
        services.AddScoped<UsageQueries>();
        services.AddScoped<TrainingKeyService>();
        services.AddScoped<TrainingKeyQueries>();
        services.AddScoped<KeyBatchQueries>();
        services.AddScoped<DemoCatalog>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<LearnerQueries>();
        return services;
    }
}
