using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;

namespace EvalBot.Features.Board;

/// <summary>
/// The board card's buttons: <c>board.refresh</c> (also the card's <c>refresh</c>) shows it current, and
/// <c>board.run</c> queues an operation (<c>op</c>: <c>period.open</c>, <c>period.close</c>, <c>reminders.send</c>,
/// <c>feedback.open</c>, <c>year.compile</c>) with the period or year typed on the card. Only members of the
/// organisation board, known from the activity's sender, in their personal chat; one operation at a time; every request
/// audited. The background worker runs it and updates this same card with its progress.
/// </summary>
public sealed class BoardActions(BoardCard card, BoardTasks tasks, IEnumerable<IBoardOperation> operations, CardTemplates templates, AuditLog audit) : ICardActionHandler
{
    public const string RefreshVerb = "board.refresh";
    public const string RunVerb = "board.run";

    public IReadOnlyList<string> Verbs { get; } = [RefreshVerb, RunVerb];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        if (me is not { IsOrganisationBoard: true }) return InvokeResponse.Message(text["boardNotAllowed"]);
        if (turn.IsShared) return InvokeResponse.Message(text["boardPersonalOnly"]);
        if (action.Verb == RefreshVerb) return await RenderAsync(turn, null, null, cancellationToken);

        var kind = JsonRead.Text(action.Data, "op") ?? "";
        var operation = operations.FirstOrDefault(o => o.Kind == kind);
        if (operation is null) return await RenderAsync(turn, null, text["boardUnknownOp"], cancellationToken);
        var argument = (JsonRead.Text(action.Data, kind == "year.compile" ? "board.year" : "board.period") ?? "").Trim();
        if (!operation.Accepts(argument))
        {
            return await RenderAsync(turn, null, text.Format(kind == "year.compile" ? "boardBadYear" : "boardBadPeriod", CardText.Plain(argument)), cancellationToken);
        }

        if (await tasks.ActiveAsync(turn.Now, cancellationToken) is { } active)
        {
            return await RenderAsync(turn, null, text.Format("boardBusy", text.Format("boardOp." + active.Kind, BoardCard.Shown(active.Argument, text))), cancellationToken);
        }

        var actor = me.AadObjectId ?? me.ExternalId;
        turn.Db.BoardTasks.Add(new BoardTask
        {
            Kind = kind, Argument = argument, RequestedByPersonId = me.Id, RequestedBy = actor, Language = turn.Language,
            UserId = turn.Activity.From?.Id, ServiceUrl = turn.ServiceUrl, ConversationId = turn.ConversationId,
            CardActivityId = turn.Activity.ReplyToId, CreatedAt = turn.Now,
        });
        audit.Record(actor, "board.run", "board", kind, new { argument }, turn.Now);
        await turn.Db.SaveChangesAsync(cancellationToken);
        return await RenderAsync(turn, text.Format("boardQueued", text.Format("boardOp." + kind, BoardCard.Shown(argument, text))), null, cancellationToken);
    }

    private async Task<InvokeResponse> RenderAsync(TurnContext turn, string? notice, string? error, CancellationToken cancellationToken) =>
        InvokeResponse.Card(await card.RenderAsync(turn.Language, turn.Activity.From?.Id, turn.Now, notice, error, cancellationToken));
}

/// <summary>The board card for other features' actions on it (<see cref="IBoardCard"/>).</summary>
public sealed class BoardCardForTurn(BoardCard card) : IBoardCard
{
    public Task<System.Text.Json.Nodes.JsonObject> RenderAsync(TurnContext turn, string? notice, string? problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return card.RenderAsync(turn.Language, turn.Activity.From?.Id, turn.Now, notice, problem, cancellationToken);
    }
}
