using EvalBot.Protocol.Auth;
using EvalBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace EvalBot.Tests.Protocol.Auth;

/// <summary>Builds the auth services the way the app registers them, pointed at a <see cref="TestIssuer"/> and a fake clock.</summary>
internal static class AuthTestServices
{
    public static ServiceProvider Build(TestIssuer issuer, TimeProvider time, IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Development", Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(issuer.BotConfiguration())
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment, ApplicationName = "EvalBot" });
        services.AddSingleton(time);
        services.AddBotAuthentication(configuration);
        issuer.ConfigureHttpClients(services);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static IChannelRequestAuthenticator Authenticator(this ServiceProvider services) =>
        services.GetRequiredService<IChannelRequestAuthenticator>();

    public static Task<ChannelAuthResult> AuthenticateTokenAsync(
        this IChannelRequestAuthenticator authenticator, string token, string channelId = TestIssuer.DefaultChannelId, string serviceUrl = TestIssuer.DefaultServiceUrl) =>
        authenticator.AuthenticateAsync("Bearer " + token, channelId, serviceUrl, CancellationToken.None);

    /// <summary>A fake clock at a fixed, readable instant.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero));
}
