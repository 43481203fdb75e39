using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>One item of the dossier list (Art. 17, Form 04): its number, whether the dossier holds it, when, and what.</summary>
/// <param name="Item">1 to 9, in the order of Art. 17.</param>
/// <param name="State"><c>held</c>, <c>missing</c> or <c>none</c> (not required for this rating).</param>
/// <param name="On">The day it was recorded, <c>yyyy-MM-dd</c>, if known.</param>
/// <param name="Detail">What it is: a level code, a count, a name (language-neutral).</param>
public sealed record PartyDossierItem(int Item, string State, string? On, string? Detail);

/// <summary>
/// The dossier list of a Party rating (Regulation 366 Art. 17, Guidance 43 Form 04), written when the rating is decided
/// and sealed with its SHA-256: the self-rating or the collective's report, the residence committee's comment, the review
/// meetings, the verification, the conclusion and level, the review suggestions, the written opinions of related bodies
/// (temporary cell, old unit), the complaints and their re-checks, and the other documents (the quarterly Form 05
/// records). A decided rating is never changed, so neither is its list; a re-rating is a new version with its own.
/// </summary>
public sealed class PartyDossier(EvalBotDbContext db, PartyDirectory directory, OrganisationClock clock)
{
    private const string Held = "held";
    private const string Missing = "missing";
    private const string None = "none";

    /// <summary>Writes the list and its hash on the decided rating of <paramref name="subject"/>; the caller saves.</summary>
    public async Task SealAsync(PartySubject subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var r = subject.Rating;
        if (r.Step != PartyRatingStep.Decided) throw new InvalidOperationException("Only a decided rating has its dossier list sealed.");
        var opinions = subject.Member is null ? null : await directory.OpinionFileAsync(r, ct);
        var complaints = await db.PartyComplaints.AsNoTracking().Where(c => c.RatingId == r.Id || c.RatingId == r.SupersedesId).ToListAsync(ct);
        var quarters = r.PersonId is { } person ? await db.PartyQuarterRecords.CountAsync(q => q.PersonId == person && q.Year == r.Year, ct) : 0;
        var related = new[] { r.TemporaryCellComment, r.OldUnitComment }.Count(t => !string.IsNullOrWhiteSpace(t));
        var meeting = r.CollectiveReviewedOn ?? r.CellReviewedOn ?? r.MeetingOn;
        PartyDossierItem[] items =
        [
            new(1, r.SelfRatedAt is null ? Missing : Held, Day(r.SelfRatedAt), subject.Collective is null ? "self" : "collective"),
            new(2, opinions is not { ResidenceRequired: true } ? None : !string.IsNullOrWhiteSpace(r.ResidenceComment) ? Held : !string.IsNullOrWhiteSpace(r.ResidenceException) ? "excepted" : Missing, null, null),
            new(3, meeting is null ? Missing : Held, meeting?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
            new(4, r.VerifiedAt is null ? Missing : Held, Day(r.VerifiedAt), r.ProposedLevel is { } p ? ((Domain.Level)p).Code() : null),
            new(5, Held, Day(r.DecidedAt), r.Level is { } l ? ((Domain.Level)l).Code() : null),
            new(6, None, null, null),
            new(7, related > 0 ? Held : None, null, related.ToString(CultureInfo.InvariantCulture)),
            new(8, complaints.Count > 0 ? Held : None, null, FormattableString.Invariant($"{complaints.Count}/{complaints.Count(c => c.RecheckedAt is not null)}")),
            new(9, quarters > 0 ? Held : None, null, quarters.ToString(CultureInfo.InvariantCulture)),
        ];
        r.DossierJson = JsonSerializer.Serialize(items);
        r.DossierHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{r.Id}|{r.Version}|{r.Year}|{r.DossierJson}"))));
    }

    /// <summary>The sealed list as card lines in the reader's language; empty before the decision.</summary>
    public static JsonArray Lines(PartyRating rating, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(text);
        if (rating.DossierJson is not { } json) return [];
        var items = JsonSerializer.Deserialize<PartyDossierItem[]>(json) ?? [];
        return [.. items.Select(i => (JsonNode)new JsonObject { ["text"] = CardText.Plain(Line(i, text)) })];
    }

    private static string Line(PartyDossierItem i, TextTable text)
    {
        var state = text["partyDossierState." + i.State];
        var detail = i.Item switch
        {
            4 or 5 when PartySteps.ParseLevel(i.Detail) is { } level => text.LevelName(level),
            7 when i.State == Held => text.Format("partyDossierOpinions", i.Detail ?? "0"),
            8 when i.Detail?.Split('/') is [var all, var rechecked] && all != "0" => text.Format("partyDossierComplaints", all, rechecked),
            9 when i.State == Held => text.Format("partyDossierQuarters", i.Detail ?? "0"),
            _ => "",
        };
        var on = DateOnly.TryParseExact(i.On, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? TextTable.Date(day) : "";
        return text.Format("partyDossierLine", i.Item, text["partyDossierItem." + i.Item.ToString(CultureInfo.InvariantCulture)],
            string.Join(" · ", new[] { state, on, detail }.Where(s => s.Length > 0)));
    }

    private string? Day(DateTimeOffset? at) => at is { } instant ? clock.Today(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
