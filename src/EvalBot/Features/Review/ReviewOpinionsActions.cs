using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Review;

/// <summary>
/// <c>review.opinion</c>: an organisation board member records the opinions of a person's review file (rule 37): each
/// changed text is stored with the sender as its recorder and now as its moment (re-entering one moves it), and audited.
/// Who records comes from the activity, never from the card; only the person and the year are read from its data.
/// </summary>
public sealed class ReviewOpinionsActions(ReviewOpinionsCard card, CardTemplates templates, OrganisationClock clock, AuditLog audit) : ICardActionHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["review.opinion"];

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        if (me is null) return InvokeResponse.Message(text["sumNoPerson"]);
        if (!me.IsOrganisationBoard) return InvokeResponse.Message(text["roNotBoard"]);
        if (!int.TryParse(JsonRead.Text(action.Data, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !clock.IsReviewYear(year, turn.Now))
        {
            return InvokeResponse.Message(text["roBadYear"]);
        }

        var person = long.TryParse(JsonRead.Text(action.Data, "person"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await turn.Db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsActive, cancellationToken)
            : null;
        var row = person is null ? null : await card.RowAsync(person.Id, year, cancellationToken);
        if (person is null || row is null) return InvokeResponse.Message(text["roAskWho"]);

        var typed = new OpinionsTyped(ReviewOpinionsCard.Kinds
            .Select(k => (k.Kind, Text: JsonRead.Text(action.Data, "opinion." + k.Key)?.Trim()))
            .Where(k => k.Text is not null).ToDictionary(k => k.Kind, k => k.Text!));
        if (typed.Texts.Values.Any(t => t.Length > ReviewOpinionsCard.MaxLength))
        {
            return InvokeResponse.Card(await card.RenderAsync(person, row, turn.Language, turn.Now, null, text.Format("roTooLong", ReviewOpinionsCard.MaxLength), typed, cancellationToken));
        }

        var changed = await SaveAsync(turn, me, person, year, typed, cancellationToken);
        var notice = changed.Count == 0 ? text["roNothingChanged"] : text.Format("roSaved", string.Join(", ", changed.Select(k => text["ro" + char.ToUpperInvariant(k[0]) + k[1..]])));
        return InvokeResponse.Card(await card.RenderAsync(person, row, turn.Language, turn.Now, notice, null, null, cancellationToken));
    }

    /// <summary>Stores each opinion whose text differs from the stored one (an empty text never removes one); returns the keys stored.</summary>
    private async Task<List<string>> SaveAsync(TurnContext turn, Person me, Person person, int year, OpinionsTyped typed, CancellationToken ct)
    {
        var stored = await turn.Db.ReviewOpinions.Where(o => o.PersonId == person.Id && o.Year == year).ToDictionaryAsync(o => o.Kind, ct);
        var changed = new List<string>();
        foreach (var (kind, key) in ReviewOpinionsCard.Kinds)
        {
            if (!typed.Texts.TryGetValue(kind, out var value) || value.Length == 0 || stored.GetValueOrDefault(kind)?.Text == value) continue;
            if (!stored.TryGetValue(kind, out var opinion)) turn.Db.ReviewOpinions.Add(opinion = new ReviewOpinion { PersonId = person.Id, Year = year, Kind = kind, Text = "" });
            opinion.Text = value;
            opinion.RecordedByPersonId = me.Id;
            opinion.RecordedAt = turn.Now;
            audit.Record(me.AadObjectId ?? me.ExternalId, "review.opinion", "review", string.Create(CultureInfo.InvariantCulture, $"{person.Id}/{year}"), new { kind = key }, turn.Now);
            changed.Add(key);
        }

        await turn.Db.SaveChangesAsync(ct);
        return changed;
    }
}
