using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Protocol;

namespace EvalBot.Features.Classification;

/// <summary>
/// <c>classification.selfassess</c>: records the sender's self-assessment of the year named by the card (rule 23), until
/// their unit's meeting minutes of that year are approved (rule 24). The person is the activity's sender, never the card data.
/// </summary>
public sealed class SelfAssessmentActions(SelfAssessmentCard card, CardTemplates templates, OrganisationClock clock, Auditing.AuditLog audit) : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["classification.selfassess"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = new TextTable(templates, language);
        if (me is null) return InvokeResponse.Message(text["sumNoPerson"]);
        if (!int.TryParse(JsonRead.Text(action.Data, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !clock.IsReviewYear(year, turn.Now))
        {
            return InvokeResponse.Message(text["selfAssessBadYear"]);
        }

        var typed = new SelfAssessmentTexts(
            (JsonRead.Text(action.Data, "strengths") ?? "").Trim(),
            (JsonRead.Text(action.Data, "shortcomings") ?? "").Trim(),
            (JsonRead.Text(action.Data, "selfCriticism") ?? "").Trim());
        string? error = null;
        if (await card.ClosedAsync(me, year, cancellationToken)) error = text.Format("selfAssessClosed", year);
        else if (typed.Strengths.Length == 0 || typed.Shortcomings.Length == 0 || typed.SelfCriticism.Length == 0) error = text["selfAssessMissing"];
        else if (new[] { typed.Strengths, typed.Shortcomings, typed.SelfCriticism }.Any(t => t.Length > SelfAssessmentCard.MaxLength))
        {
            error = text.Format("selfAssessTooLong", SelfAssessmentCard.MaxLength);
        }

        if (error is not null)
        {
            return InvokeResponse.Card(await card.RenderAsync(me, year, language, null, error, typed, cancellationToken));
        }

        await card.SaveAsync(me.Id, year, typed, turn.Now, cancellationToken);
        audit.Record(me.AadObjectId ?? me.ExternalId, "review.selfassess", "review", $"{me.Id}/{year}", new { kind = "selfAssessment" }, turn.Now);
        await card.CommitAsync(cancellationToken);
        var notice = text.Format("selfAssessRecorded", TextTable.DateTime(turn.Now, clock.Zone));
        return InvokeResponse.Card(await card.RenderAsync(me, year, language, notice, null, null, cancellationToken));
    }
}
