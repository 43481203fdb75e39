using EvalBot.Conversation;

namespace EvalBot.Features.Welcome;

public static class WelcomeSetup
{
    /// <summary>The welcome card sent once when the app is installed in a conversation.</summary>
    public static IServiceCollection AddWelcome(this IServiceCollection services)
    {
        services.AddScoped<IInstallHandler, WelcomeHandler>();
        return services;
    }
}
