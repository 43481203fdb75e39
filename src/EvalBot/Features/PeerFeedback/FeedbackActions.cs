using System.Globalization;
using System.Text.Json;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// <c>feedback.submit</c>, <c>feedback.skip</c> and <c>feedback.open</c> on a request. The reviewer is the activity's
/// sender; the card data only names the request, and a request addressed to someone else is refused exactly like one
/// that does not exist. A new submit replaces the previous answer until the period closes; nothing records when.
/// </summary>
public sealed class FeedbackActions(FeedbackRepository repository, FeedbackForm form, FeedbackFlags flags, IOptions<PeerFeedbackOptions> options) : ICardActionHandler, IKeepsNoAnswerRecord
{
    public IReadOnlyList<string> Verbs { get; } = ["feedback.submit", "feedback.skip", "feedback.open"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var reviewer = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = form.Text(language);
        if (reviewer is null)
        {
            return InvokeResponse.Message(text["feedbackErrNoPerson"]);
        }

        var id = long.TryParse(JsonRead.Text(action.Data, "requestId"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var request = await turn.Db.Set<FeedbackRequest>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || request.ReviewerPersonId != reviewer.Id || request.Status == FeedbackStatus.Replaced)
        {
            return InvokeResponse.Message(text["feedbackErrNotYours"]);
        }

        var subject = (await repository.PersonAsync(request.SubjectPersonId, cancellationToken))!;
        var campaign = await repository.CampaignAsync(request.Period, cancellationToken);
        if (!FeedbackRepository.IsOpen(campaign, turn.Now))
        {
            return campaign is null
                ? InvokeResponse.Message(text["feedbackErrNotYours"])
                : InvokeResponse.Card(form.Render(request, subject, subject.Unit, campaign, language, readOnly: true, text["feedbackNoticeClosed"]));
        }

        return action.Verb switch
        {
            "feedback.open" => InvokeResponse.Card(form.Render(request, subject, subject.Unit, campaign!, language, readOnly: false, null)),
            "feedback.skip" => await SkipAsync(turn, action, request, subject, reviewer, campaign!, text, cancellationToken),
            _ => Submit(action, request, subject, campaign!, text),
        };
    }

    /// <summary>The reviewer declines; a declared conflict of interest flags the request for their leader to replace.</summary>
    private async Task<InvokeResponse> SkipAsync(TurnContext turn, CardAction action, FeedbackRequest request, Person subject, Person reviewer,
        CheckInCampaign campaign, TextTable text, CancellationToken cancellationToken)
    {
        var reason = JsonRead.Text(action.Data, "skipReason") is "conflict" ? "conflict" : null;
        request.Status = FeedbackStatus.Skipped;
        request.Flagged = reason is not null;
        request.RatingsJson = null;
        request.Strengths = null;
        request.Improvements = null;
        if (request.Flagged)
        {
            await flags.NotifyLeaderAsync(turn, request, subject, reviewer, cancellationToken);
        }

        return InvokeResponse.Card(form.Render(request, subject, subject.Unit, campaign, text.Language, readOnly: false, text[request.Flagged ? "feedbackNoticeFlagged" : "feedbackNoticeSkipped"]));
    }

    /// <summary>The answer, validated; invalid values come back on the card with their errors and nothing is stored.</summary>
    private InvokeResponse Submit(CardAction action, FeedbackRequest request, Person subject, CheckInCampaign campaign, TextTable text)
    {
        var values = FeedbackValues.Read(action.Data, form.Criteria.Select(c => c.Id));
        var (answer, errors) = FeedbackValidator.Validate(values, options.Value.MaxTextLength, text);
        if (answer is null)
        {
            return InvokeResponse.Card(form.Render(request, subject, subject.Unit, campaign, text.Language, readOnly: false, null, values, errors));
        }

        request.Status = FeedbackStatus.Answered;
        request.Flagged = false;
        request.RatingsJson = JsonSerializer.Serialize(answer.Ratings.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary());
        request.Strengths = answer.Strengths.Length == 0 ? null : answer.Strengths;
        request.Improvements = answer.Improvements.Length == 0 ? null : answer.Improvements;
        var closes = Cards.CardText.Plain(TextTable.DateTime(campaign.ClosesAt, Domain.Calendar.PersonTimeZone.Resolve(subject.TimeZone ?? subject.Unit?.TimeZone)));
        return InvokeResponse.Card(form.Render(request, subject, subject.Unit, campaign, text.Language, readOnly: false, text.Format("feedbackNoticeSaved", closes)));
    }
}
