using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.PeerFeedback;

/// <summary>
/// <c>feedback.list</c> (the pending list), <c>feedback.view</c> (aggregated feedback of the sender, or of one of
/// their people) and <c>feedback.replace</c> (a leader replaces a flagged reviewer, <c>requestId</c> with input
/// <c>replacement.{requestId}</c>, or adds one, <c>personId</c> with input <c>addReviewer</c>; <c>auto</c> lets the
/// selection choose). Who may see or manage whom is decided from the sender, never from card data.
/// </summary>
public sealed class FeedbackViewActions(
    FeedbackRepository repository, FeedbackListCard list, FeedbackSummaryCard summary, FeedbackReplacement replacement, FeedbackForm form) : ICardActionHandler, IKeepsNoAnswerRecord
{
    public IReadOnlyList<string> Verbs { get; } = ["feedback.list", "feedback.view", "feedback.replace"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var viewer = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = form.Text(language);
        if (viewer is null)
        {
            return InvokeResponse.Message(text["feedbackErrNoPerson"]);
        }

        if (action.Verb == "feedback.list")
        {
            return InvokeResponse.Card(await list.RenderAsync(viewer, language, null, CardPage.Requested(JsonRead.Text(action.Data, "page")), cancellationToken));
        }

        FeedbackRequest? replaced = null;
        if (action.Verb == "feedback.replace" && Id(action, "requestId") is { } requestId)
        {
            replaced = await turn.Db.Set<FeedbackRequest>().SingleOrDefaultAsync(r => r.Id == requestId && r.Status != FeedbackStatus.Replaced, cancellationToken);
        }

        var subjectId = replaced?.SubjectPersonId ?? Id(action, "personId") ?? viewer.Id;
        var subject = await repository.PersonAsync(subjectId, cancellationToken);
        if (subject is null || !await repository.MayViewAsync(viewer, subject, cancellationToken))
        {
            return InvokeResponse.Message(text["feedbackErrNotYours"]);
        }

        if (action.Verb == "feedback.view")
        {
            var scope = JsonRead.Text(action.Data, "scope") is { Length: > 0 } s ? s : null;
            return InvokeResponse.Card(await summary.RenderAsync(viewer, subject, scope, language, null, cancellationToken));
        }

        var leads = subject.ManagerId == viewer.Id || subject.Unit?.HeadPersonId == viewer.Id;
        var period = replaced?.Period ?? JsonRead.Text(action.Data, "period") ?? "";
        var campaign = await repository.CampaignAsync(period, cancellationToken);
        if (!leads || viewer.Id == subject.Id || !FeedbackRepository.IsOpen(campaign, turn.Now) || (replaced is null && Id(action, "requestId") is not null))
        {
            return InvokeResponse.Message(text["feedbackErrNotLeader"]);
        }

        if (replaced is not null && !FeedbackReplacement.IsReplaceable(replaced))
        {
            // Only a reviewer who stepped back for a conflict of interest is replaced: an answer is its author's alone.
            return InvokeResponse.Message(text["feedbackErrNotFlagged"]);
        }

        var input = replaced is null ? "addReviewer" : "replacement." + replaced.Id.ToString(CultureInfo.InvariantCulture);
        var choice = JsonRead.Text(action.Data, input) is { Length: > 0 } c ? c : FeedbackReplacement.Auto;
        var added = await replacement.AddAsync(subject, period, replaced, choice, turn.UserAadObjectId!, turn.Now, cancellationToken);
        var notice = text[added is null ? "feedbackReplaceNone" : replaced is null ? "feedbackReplaceAdded" : "feedbackReplaceDone"];
        return InvokeResponse.Card(await summary.RenderAsync(viewer, subject, null, language, notice, cancellationToken));
    }

    private static long? Id(CardAction action, string key) =>
        long.TryParse(JsonRead.Text(action.Data, key), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
