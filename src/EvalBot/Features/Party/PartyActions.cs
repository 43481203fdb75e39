using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Protocol;

namespace EvalBot.Features.Party;

/// <summary>
/// The Party rating card's buttons: <c>party.self</c>, <c>party.verify</c>, <c>party.decide</c>, each with the rating's
/// id in the card data. Who acts comes from the activity's sender, never from the card: the step must be theirs now
/// (<see cref="PartyCard.RoleAsync"/>), otherwise nothing about the rating is said. A recorded step sends the card on
/// to whoever holds the next one, and the sender's card comes back current with the outcome on top; the last decision
/// of an organisation publishes its levels (<see cref="PartyPublication"/>).
/// </summary>
public sealed class PartyActions(PartyDirectory directory, PartyCard card, PartySteps steps, PartyNotices notices, PartyPublication publication, CardTemplates templates) : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["party.self", "party.verify", "party.decide"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        if (me is null) return InvokeResponse.Message(text["partyNotAllowed"]);
        var subject = long.TryParse(JsonRead.Text(action.Data, "rating"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await directory.SubjectAsync(id, cancellationToken)
            : null;
        if (subject is null) return InvokeResponse.Message(text["partyNotFound"]);
        var role = await card.RoleAsync(me, subject, cancellationToken);
        var wanted = action.Verb switch { "party.self" => PartyRole.SelfRate, "party.verify" => PartyRole.Verify, _ => PartyRole.Decide };
        if (role != wanted) return InvokeResponse.Message(text["partyNotAllowed"]);

        var result = wanted switch
        {
            PartyRole.SelfRate => await steps.SelfRateAsync(subject, me, action.Data, text, turn.Now, cancellationToken),
            PartyRole.Verify => await steps.VerifyAsync(subject, me, action.Data, text, turn.Now, cancellationToken),
            _ => await steps.DecideAsync(subject, me, action.Data, text, turn.Now, cancellationToken),
        };
        if (result.Error is null)
        {
            await turn.Db.SaveChangesAsync(cancellationToken);
            await notices.SendAsync(subject, turn.Now, cancellationToken);
            if (wanted == PartyRole.SelfRate) await notices.DistributeDraftAsync(subject, turn.Now, cancellationToken);
            if (wanted == PartyRole.Decide) await publication.PublishIfCompleteAsync(subject, turn.Now, cancellationToken);
        }

        var now = result.Error is null ? await card.RoleAsync(me, subject, cancellationToken) : role;
        return InvokeResponse.Card(await card.RenderAsync(subject, now, turn.Language, result.Notice, result.Error, cancellationToken));
    }
}
