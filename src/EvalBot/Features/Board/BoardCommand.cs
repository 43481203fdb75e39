using EvalBot.Cards;
using EvalBot.Conversation;

namespace EvalBot.Features.Board;

/// <summary>
/// <c>quản trị</c> / <c>admin</c>: the board card, for members of the organisation board (known from the activity's
/// sender); everyone else gets a polite refusal. Asked in a team channel or group chat, the card goes to the member's
/// personal chat (the router sees to it).
/// </summary>
public sealed class BoardCommand(BoardCard card, CardTemplates templates, Auditing.AuditLog audit) : ICommandHandler
{
    /// <summary>The command this feature starts and the keywords that start it; shown in help to board members only.</summary>
    public static CommandTopic Topic { get; } = new("board", ["quản trị", "ban tổ chức", "admin", "board"], BoardOnly: true);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(cancellationToken);
        if (me is not { IsOrganisationBoard: true })
        {
            turn.Reply(TurnContext.TextMessage(new TextTable(templates, turn.Language)["boardNotAllowed"]));
            return;
        }

        audit.Record(me.AadObjectId ?? me.ExternalId, "board.view", "board", "card", null, turn.Now);
        turn.Reply(TurnContext.CardMessage(await card.RenderAsync(turn.Language, turn.Activity.From?.Id, turn.Now, null, null, cancellationToken)));
    }
}
