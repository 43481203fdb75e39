using EvalBot.Conversation;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

public static class PeerFeedbackSetup
{
    /// <summary>Registers peer feedback, its options (<c>PeerFeedback</c>, validated at start-up) and its scheduler tick.</summary>
    public static IServiceCollection AddPeerFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PeerFeedbackOptions>().Bind(configuration.GetSection(PeerFeedbackOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PeerFeedbackOptions>, PeerFeedbackOptionsValidation>();
        services.AddScoped<FeedbackRepository>();
        services.AddScoped<FeedbackForm>();
        services.AddScoped<FeedbackAudience>();
        services.AddScoped<FeedbackRequestMessages>();
        services.AddScoped<FeedbackRounds>();
        services.AddBoardOperation<FeedbackBoardOperation>();
        services.AddScoped<FeedbackTicker>();
        services.AddScoped<FeedbackFlags>();
        services.AddScoped<FeedbackReplacement>();
        services.AddScoped<FeedbackAggregates>();
        services.AddScoped<FeedbackListCard>();
        services.AddScoped<FeedbackSummaryCard>();
        services.AddScoped<ICardActionHandler, FeedbackActions>();
        services.AddScoped<ICardActionHandler, FeedbackViewActions>();
        services.AddScoped<ICommandHandler, FeedbackCommand>();
        services.AddCommandTopic(FeedbackCommand.Topic);

        services.AddHostedService<FeedbackSchedule>();
        return services;
    }
}
