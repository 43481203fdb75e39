using EvalBot.Conversation;

namespace EvalBot.Features.Review;

public static class ReviewSetup
{
    /// <summary>
    /// The unit's comment meeting of the annual review in Teams (rule 24): the <c>họp đánh giá</c> / <c>review meeting</c>
    /// command and card, the comments recorded with their author and the chair's approval of the minutes. The minutes are
    /// stored where the core's <see cref="ReviewSteps"/> reads them for the decision.
    /// </summary>
    public static IServiceCollection AddReviewMeeting(this IServiceCollection services)
    {
        services.AddScoped<ReviewMeetingCard>();
        services.AddScoped<ICardActionHandler, ReviewMeetingActions>();
        services.AddScoped<ICommandHandler, ReviewMeetingCommand>();
        services.AddCommandTopic(ReviewMeetingCommand.Topic);
        return services;
    }
}
