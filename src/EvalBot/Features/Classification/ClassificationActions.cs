using System.Globalization;
using EvalBot.Conversation;
using EvalBot.Cards;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The decision card's buttons: <c>classification.approve</c>, <c>classification.demote</c>, <c>classification.exception</c>,
/// <c>classification.list</c> and <c>classification.page</c> (another page of the list's rows; <c>classification.list</c>
/// takes a page too). The actor is the activity's sender; the card data only names the year, the list and the page.
/// Only the decider of a list (or, for the top list, the organisation board) may act on it.
/// </summary>
public sealed class ClassificationActions(DecisionCard card, ClassificationDecisions decisions, ClassificationListCard list, CardTemplates templates) : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["classification.approve", "classification.demote", "classification.exception", "classification.list", "classification.page"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var language = turn.Language;
        var text = new TextTable(templates, language);
        if (me is null || !int.TryParse(JsonRead.Text(action.Data, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return InvokeResponse.Message(text["classNotAllowed"]);
        }

        var board = JsonRead.Text(action.Data, "list") == DecisionCard.BoardList;
        if (board && !me.IsOrganisationBoard) return InvokeResponse.Message(text["classNotAllowed"]);
        long? decider = board ? null : me.Id;
        var page = CardPage.Requested(JsonRead.Text(action.Data, "page"));
        if (action.Verb == "classification.list")
        {
            return InvokeResponse.Card(await list.RenderAsync(me, year, language, page, cancellationToken));
        }

        var loaded = await card.LoadAsync(decider, year, cancellationToken);
        if (loaded.Rows.Count == 0) return InvokeResponse.Message(text["classNotAllowed"]);
        if (action.Verb == "classification.page")
        {
            return InvokeResponse.Card(await card.RenderAsync(decider, year, language, null, null, page, loaded, cancellationToken));
        }

        var actor = me.AadObjectId ?? me.ExternalId;
        var refusal = action.Verb switch
        {
            "classification.approve" => await decisions.ApproveAsync(decider, year, actor, turn.Now, cancellationToken),
            "classification.demote" => await decisions.DemoteAsync(decider, year, Ids(JsonRead.Text(action.Data, "demote.people")),
                JsonRead.Text(action.Data, "demote.reason") ?? "", actor, cancellationToken),
            _ => await decisions.RecordExceptionAsync(decider, me.Id, year, JsonRead.Text(action.Data, "exception.number") ?? "",
                DateOnly.TryParseExact(JsonRead.Text(action.Data, "exception.date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                JsonRead.Text(action.Data, "exception.approver") ?? "", actor, turn.Now, cancellationToken),
        };
        var notice = refusal is null ? text[action.Verb switch
        {
            "classification.approve" => "classApproved",
            "classification.demote" => "classDemoted",
            _ => "classExceptionSaved",
        }] : null;
        var error = refusal?.Text(text);
        return InvokeResponse.Card(await card.RenderAsync(decider, year, language, notice, error, null, cancellationToken));
    }

    private static List<long> Ids(string? csv) =>
        [.. (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0)];
}
