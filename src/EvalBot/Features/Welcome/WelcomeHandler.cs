using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Conversation;

namespace EvalBot.Features.Welcome;

/// <summary>
/// Greets a user once per installation. Teams sends both installationUpdate and conversationUpdate on install, so the
/// welcome is keyed by conversation and install epoch; a re-install after removal is welcomed again.
/// </summary>
public sealed class WelcomeHandler(CardTemplates templates, Delivery.OutboxWriter outbox) : IInstallHandler
{
    public async Task OnInstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var reference = turn.Db.ConversationReferences.Local.FirstOrDefault(c => c.ConversationId == turn.ConversationId);
        var epoch = reference?.InstallEpoch ?? 0;
        var data = new JsonObject();
        var name = reference?.UserName ?? turn.Activity.From?.Name;
        if (!string.IsNullOrWhiteSpace(name))
        {
            data["name"] = CardText.Plain(name);
        }

        var card = templates.Render("welcome", data, turn.Language);
        await outbox.EnqueueOnceAsync($"welcome:{turn.ConversationId}:{epoch}", "welcome", turn.ServiceUrl, turn.ConversationId, TurnContext.CardMessage(card), cancellationToken);
    }
}
