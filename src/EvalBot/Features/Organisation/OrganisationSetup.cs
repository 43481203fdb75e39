using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvalBot.Features.Organisation;

/// <summary>Registers the organisation import (the admin endpoint, the command line, files sent in chat) and the demo seed.</summary>
public static class OrganisationSetup
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<OrganisationImporter>();
        services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.Section);
        services.AddHostedService<DemoSeeder>();

        services.AddOptions<FileImportOptions>().BindConfiguration(FileImportOptions.Section);
        // The download link is a credential (pre-authenticated): the client logs nothing, so it never reaches a log line.
        // A few redirects are followed (never from https to http); the timeout is FileDownload's, over the whole body.
        services.AddHttpClient(FileDownload.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 3, UseCookies = false })
            .RemoveAllLoggers();
        services.AddScoped<FileDownload>();
        services.AddScoped<ImportResultCard>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Conversation.IAttachmentHandler, FileImportHandler>());
        return services;
    }
}
