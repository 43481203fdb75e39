using EvalBot.Conversation;

namespace EvalBot.Features.FollowUps;

public static class FollowUpsSetup
{
    /// <summary>
    /// The personnel follow-ups of rules 30 and 38 (opened by the core's <see cref="FollowUpLedger"/>): the
    /// <c>việc cần xử lý</c> / <c>follow-ups</c> command and card, the decision recorded on it, the holders' notices and
    /// reminders, and the open ones on the organisation board's card.
    /// </summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddScoped<FollowUpList>();
        services.AddScoped<FollowUpCard>();
        services.AddScoped<FollowUpNotifier>();
        services.AddScoped<IBoardAttention, FollowUpBoardAttention>();
        services.AddFollowUpJobs();
        services.AddScoped<ICardActionHandler, FollowUpActions>();
        services.AddScoped<ICommandHandler, FollowUpCommand>();
        services.AddCommandTopic(FollowUpCommand.Topic);
        return services;
    }
}
