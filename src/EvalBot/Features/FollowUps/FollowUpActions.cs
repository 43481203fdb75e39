using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.FollowUps;

/// <summary>
/// <c>followup.close</c>: the holder of a follow-up (the board, for one nobody holds) records the decision taken, with
/// its document number and date. Who acts comes from the activity's sender, never from the card: anyone else is told
/// nothing about the task. The decision is written once (a second close is refused), audited, and the card comes back
/// current with the outcome on top.
/// </summary>
public sealed class FollowUpActions(FollowUpCard card, CardTemplates templates, AuditLog audit, OrganisationClock clock) : ICardActionHandler
{
    private const int MaxDecision = 2000;
    private const int MaxNumber = 128;

    public IReadOnlyList<string> Verbs { get; } = ["followup.close"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        var task = me is not null && long.TryParse(JsonRead.Text(action.Data, "task"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await turn.Db.FollowUpTasks.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            : null;
        if (me is null || task is null || !FollowUpList.MayClose(me, task)) return InvokeResponse.Message(text["fuNotAllowed"]);

        string? Field(string name) => JsonRead.Text(action.Data, FormattableString.Invariant($"followup.{task.Id}.{name}"))?.Trim();
        var decision = Field("decision") ?? "";
        var number = Field("number") ?? "";
        var dateText = Field("date") ?? "";
        var today = clock.Today(turn.Now);
        string? error = null;
        DateOnly? date = null;
        if (task.ClosedAt is not null) error = text["fuAlreadyClosed"];
        else if (decision.Length is 0 or > MaxDecision) error = text["fuErrDecision"];
        else if (number.Length > MaxNumber) error = text["fuErrNumber"];
        else if (dateText.Length > 0)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d <= today && d.Year >= task.Year) date = d;
            else error = text["fuErrDate"];
        }

        string? notice = null;
        if (error is null)
        {
            var actor = me.AadObjectId ?? me.ExternalId;
            var closed = await turn.Db.FollowUpTasks.Where(t => t.Id == task.Id && t.ClosedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Decision, decision)
                .SetProperty(t => t.DocumentNumber, number.Length > 0 ? number : null)
                .SetProperty(t => t.DecidedOn, date)
                .SetProperty(t => t.ClosedAt, turn.Now)
                .SetProperty(t => t.ClosedBy, actor), cancellationToken);
            if (closed == 1)
            {
                audit.Record(actor, "followup.close", "follow_up", task.Id.ToString(CultureInfo.InvariantCulture),
                    new { person = task.PersonId, year = task.Year, kind = task.Kind, number, date }, turn.Now);
                await turn.Db.SaveChangesAsync(cancellationToken);
                var name = await turn.Db.People.Where(p => p.Id == task.PersonId).Select(p => p.FullName).SingleAsync(cancellationToken);
                notice = text.Format("fuClosed", CardText.Plain(name), text["fuKind." + task.Kind]);
            }
            else
            {
                error = text["fuAlreadyClosed"];
            }
        }

        return InvokeResponse.Card(await card.RenderAsync(me, turn.Language, turn.Now, notice, error, cancellationToken));
    }
}
