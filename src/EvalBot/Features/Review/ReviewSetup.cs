using EvalBot.Conversation;

namespace EvalBot.Features.Review;

public static class ReviewSetup
{
    /// <summary>
    /// The annual review's records held in Teams: the unit's comment meeting (rule 24; <c>họp đánh giá</c> /
    /// <c>review meeting</c>), its comments recorded with their author and the chair's approval of the minutes; and the
    /// opinions of the review file recorded by the organisation board (rule 37; <c>ý kiến đánh giá</c> /
    /// <c>review opinions</c>). Both are stored where the core's <see cref="ReviewSteps"/> reads them for the decision.
    /// </summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewMeetingCard>();
        services.AddScoped<ICardActionHandler, ReviewMeetingActions>();
        services.AddScoped<ICommandHandler, ReviewMeetingCommand>();
        services.AddCommandTopic(ReviewMeetingCommand.Topic);
        services.AddScoped<ReviewOpinionsCard>();
        services.AddScoped<ICardActionHandler, ReviewOpinionsActions>();
        services.AddScoped<ICommandHandler, ReviewOpinionsCommand>();
        services.AddCommandTopic(ReviewOpinionsCommand.Topic);
        return services;
    }
}
