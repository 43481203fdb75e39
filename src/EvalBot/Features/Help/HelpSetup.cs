using EvalBot.Conversation;

namespace EvalBot.Features.Help;

public static class HelpSetup
{
    /// <summary>The help command (also the fallback for text no command took) and its topic buttons.</summary>
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddSingleton<HelpCard>();
        services.AddScoped<HelpCommand>();
        services.AddCommandTopic(HelpCommand.Topic);
        services.AddScoped<ICommandHandler>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddScoped<IFallbackHandler>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddScoped<ICardActionHandler, HelpShowAction>();
        return services;
    }
}
