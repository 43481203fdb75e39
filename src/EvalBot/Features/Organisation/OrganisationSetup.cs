namespace EvalBot.Features.Organisation;

/// <summary>Registers the organisation import and the demo seed.</summary>
public static class OrganisationSetup
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<OrganisationImporter>();
        services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.Section);
        services.AddHostedService<DemoSeeder>();
        return services;
    }
}
