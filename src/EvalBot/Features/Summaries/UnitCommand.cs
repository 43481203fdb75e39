using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;

namespace EvalBot.Features.Summaries;

/// <summary>
/// <c>đơn vị [đơn vị]</c> / <c>unit [unit]</c>: the unit summary of the unit the sender heads (or the one named, by name
/// or id, among the units under them). People who head no unit get a polite refusal.
/// </summary>
public sealed class UnitCommand(SummaryAccess access, UnitSummaryCard card, CardTemplates templates, AuditLog audit) : ICommandHandler, IAnswersFromReads
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("unit", ["đơn vị", "unit"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = new TextTable(templates, language);
        if (me is null)
        {
            turn.Reply(TurnContext.TextMessage(text["sumNoPerson"]));
            return;
        }

        var units = await access.VisibleUnitsAsync(me, cancellationToken);
        var wanted = argument.Trim();
        var folded = CommandText.Fold(wanted);
        var unit = wanted.Length == 0
            ? units.FirstOrDefault(u => u.HeadPersonId == me.Id) ?? units.FirstOrDefault()
            : units.FirstOrDefault(u => string.Equals(u.ExternalId, wanted, StringComparison.OrdinalIgnoreCase))
                ?? units.FirstOrDefault(u => CommandText.Fold(u.Name).Contains(folded, StringComparison.Ordinal));
        audit.Record(me.AadObjectId ?? me.ExternalId, "summary.unit", "unit", unit?.ExternalId ?? "-", new { command = "unit", query = wanted, allowed = unit is not null });
        if (unit is null)
        {
            turn.Reply(TurnContext.TextMessage(text[units.Count == 0 ? "sumUnitNotAllowed" : "sumUnitNotFound"]));
            return;
        }

        turn.Reply(TurnContext.CardMessage(await card.RenderAsync(unit, me, language, turn.Now, cancellationToken)));
    }
}
