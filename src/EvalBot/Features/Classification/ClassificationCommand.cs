using System.Globalization;
using EvalBot.Conversation;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Classification;

/// <summary>
/// <c>xếp loại &lt;năm&gt;</c> / <c>classification &lt;year&gt;</c>: a head gets the decision card of the list they decide (and the
/// board the top list); anyone who leads gets the list of the people under them; a person gets their own result once decided.
/// </summary>
public sealed class ClassificationCommand(
    DecisionCard decision, ClassificationListCard list, ResultCard result, ClassificationStore store, CardTemplates templates,
    Auditing.AuditLog audit, OrganisationClock clock, CompetentCasesCard competent, IEnumerable<IPartyStandings> party) : ICommandHandler
{
    /// <summary>The command this feature starts and the keywords that start it.</summary>
    public static CommandTopic Topic { get; } = new("classification", ["xếp loại", "classification"]);

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

        var year = int.TryParse(argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1999 and < 2101
            ? y
            : clock.Year(turn.Now);
        audit.Record(me.AadObjectId ?? me.ExternalId, "summary.classification", "person", me.ExternalId, new { command = "classification", year });
        var own = await decision.LoadAsync(me.Id, year, cancellationToken);
        if (own.Rows.Count > 0)
        {
            turn.Reply(TurnContext.CardMessage(await decision.RenderAsync(me.Id, year, language, null, null, null, own, cancellationToken)));
        }

        if (me.IsOrganisationBoard && await decision.LoadAsync(null, year, cancellationToken) is { Rows.Count: > 0 } board)
        {
            turn.Reply(TurnContext.CardMessage(await decision.RenderAsync(null, year, language, null, null, null, board, cancellationToken)));
        }

        if ((await competent.WaitingForAsync(me.Id, year, cancellationToken)).Count > 0)
        {
            turn.Reply(TurnContext.CardMessage(await competent.RenderAsync(me.Id, year, language, null, null, cancellationToken)));
        }

        var mine = await store.CurrentForAsync(me.Id, year, cancellationToken);
        if (own.Rows.Count > 0 || me.IsOrganisationBoard || me.IsLeader)
        {
            turn.Reply(TurnContext.CardMessage(await list.RenderAsync(me, year, language, null, cancellationToken)));
        }
        else if (mine is { State: ClassificationState.Decided })
        {
            // A Party member's result shows the year's Party rating beside it once the Party round has one.
            var standings = me.IsPartyMember && party.FirstOrDefault() is { } track ? await track.ForPersonAsync(me.Id, year, year, cancellationToken) : [];
            var standing = standings.Count > 0 ? standings[0] : null;
            turn.Reply(TurnContext.CardMessage(result.Render(mine, me, language, standing)));
        }
        else
        {
            turn.Reply(TurnContext.TextMessage(text.Format("classNotYet", year)));
        }
    }
}
