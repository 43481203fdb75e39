using EvalBot.Cards;
using EvalBot.Conversation;

namespace EvalBot.Features.FollowUps;

/// <summary>
/// <c>việc cần xử lý</c> / <c>follow-ups</c>: the sender's open follow-ups as one card (<see cref="FollowUpCard"/>); the
/// organisation board sees every open one. In a shared conversation the router answers privately, as for every command.
/// </summary>
public sealed class FollowUpCommand(FollowUpCard card, CardTemplates templates) : ICommandHandler
{
    public static CommandTopic Topic { get; } = new("followups", ["việc cần xử lý", "follow-ups", "follow-up"]);

    public IReadOnlyList<string> Keywords => Topic.Keywords;

    public async Task HandleAsync(TurnContext turn, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(cancellationToken);
        if (me is null)
        {
            turn.Reply(TurnContext.TextMessage(new TextTable(templates, turn.Language)["sumNoPerson"]));
            return;
        }

        turn.Reply(TurnContext.CardMessage(await card.RenderAsync(me, turn.Language, turn.Now, null, null, cancellationToken)));
    }
}
