using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Domain;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// The competent level's decisions recorded on a card, the actor known from the activity's sender:
/// <c>classification.authority</c> sets the level of a case the rules could not decide (the card data names the year and
/// the person; the form gives level, reason, decision number and date, and who decided), by a member of the organisation
/// board on the board card or by the person the organisation file names as the competent level of the case's unit on
/// their own card; <c>classification.rerate</c> re-rates a decided result (a new version; the old one is kept), by the
/// board. Nobody decides their own case; a case no longer waiting is refused; the card comes back current with the
/// outcome on top.
/// </summary>
public sealed class AuthorityActions(
    Rerating rerating, ClassificationStore store, ReviewSteps steps, CompetentCasesCard competent, CardTemplates templates, OrganisationClock clock, IEnumerable<IBoardCard> boardCards,
    Microsoft.Extensions.Options.IOptions<ClassificationOptions> options)
    : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["classification.authority", "classification.rerate"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        var rerate = action.Verb == "classification.rerate";
        var board = me is { IsOrganisationBoard: true } ? boardCards.FirstOrDefault() : null;
        if (me is null || (board is null && rerate)) return InvokeResponse.Message(text["boardNotAllowed"]);
        if (!int.TryParse(JsonRead.Text(action.Data, "year"), NumberStyles.None, CardCulture, out var year) || year is < 2000 or > 2099)
            return InvokeResponse.Message(text["boardErrDecision"]);

        var prefix = rerate ? "rerate." : $"case.{JsonRead.Text(action.Data, "person")}.";
        var (allowed, error, notice) = await DecideAsync(turn, me, year, rerate, prefix, action, text, board is not null, cancellationToken);
        if (!allowed) return InvokeResponse.Message(text["boardNotAllowed"]);
        return InvokeResponse.Card(board is not null
            ? await board.RenderAsync(turn, notice, error, cancellationToken)
            : await competent.RenderAsync(me.Id, year, turn.Language, notice, error, cancellationToken));
    }


    private static readonly CultureInfo CardCulture = CultureInfo.InvariantCulture;

    /// <summary>
    /// Records the decision, or says why not. Not allowed: neither the board nor the competent level of the case's unit
    /// (nothing about the case is said then).
    /// </summary>
    private async Task<(bool Allowed, string? Error, string? Notice)> DecideAsync(
        TurnContext turn, Person me, int year, bool rerate, string prefix, CardAction action, TextTable text, bool isBoard, CancellationToken ct)
    {
        string? Field(string name) => JsonRead.Text(action.Data, prefix + name)?.Trim();
        var code = Field("person") ?? "";
        var person = rerate
            ? await turn.Db.People.SingleOrDefaultAsync(p => p.ExternalId == code, ct)
            : long.TryParse(JsonRead.Text(action.Data, "person"), NumberStyles.None, CardCulture, out var id) ? await turn.Db.People.SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        var current = person is null ? null : await store.CurrentForAsync(person.Id, year, ct);
        if (rerate && (person is null || current is not { State: ClassificationState.Decided }))
            return (true, text.Format("boardErrPerson", CardText.Plain(code), year), null);
        if (!isBoard && (current is null || !await competent.IsCompetentForAsync(me.Id, current, ct))) return (false, null, null);
        if (person is null || current is null || (!rerate && (current.State != ClassificationState.Draft || !current.Outcome.NeedsDecision())))
            return (true, text["boardErrNotWaiting"], null);
        if (person.Id == me.Id) return (true, text["boardErrOwnCase"], null);

        var level = Rerating.ParseLevel(Field("level"));
        var date = DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CardCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var request = new RerateRequest(Field("level"), Field("reason"), Field("by"), Field("number"), date);
        if (level is null || string.IsNullOrEmpty(request.Reason) || string.IsNullOrEmpty(request.By) || string.IsNullOrEmpty(request.Number) || date is null)
            return (true, text["boardErrDecision"], null);
        var today = clock.Today(turn.Now);
        if (date.Value.Year < year || date.Value > today) return (true, text.Format("boardErrDecisionDate", year, TextTable.Date(today)), null);

        if (!rerate && options.Value.RequireReviewSteps != false && (await steps.ForAsync([current], year, turn.Now, ct)).GetValueOrDefault(person.Id) is { } state
            && state.Waits(options.Value.RequireReviewSteps) && state.Refusal is { } missing)
            return (true, text.Format("classRefusedStepsOne", CardText.Plain(person.FullName), text.Language == "en" ? missing.TextEn : missing.TextVi), null);
        var row = await rerating.ApplyAsync(person, current, level.Value, request, me.AadObjectId ?? me.ExternalId, turn.Now, ct);
        var name = CardText.Plain(person.FullName);
        return (true, null, rerate
            ? text.Format("boardRerated", name, text.LevelName(level), row.Version)
            : text.Format("boardDecisionRecorded", name, text.LevelName(level)));
    }
}
