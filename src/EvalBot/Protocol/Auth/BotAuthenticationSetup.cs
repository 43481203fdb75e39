using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EvalBot.Protocol.Auth;

/// <summary>Registers inbound channel-token validation and outbound Bot Connector tokens (configuration section <c>Bot</c>).</summary>
public static class BotAuthenticationSetup
{
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>()
            .Bind(configuration.GetSection(BotOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotAuthHttpClients.Metadata, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotAuthHttpClients.TokenAuthority, client => client.Timeout = TimeSpan.FromSeconds(30));

        // Singletons: the key caches and MSAL's token cache must live as long as the process.
        services.TryAddSingleton<IChannelRequestAuthenticator, ChannelRequestAuthenticator>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        return services;
    }
}
