using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>One quarter as the annual Party rating card shows it: its record, or why there is none.</summary>
/// <param name="Year">The rating's year.</param>
/// <param name="Quarter">1 to 4.</param>
/// <param name="Record">The member's quarterly record (Form 05), if any.</param>
/// <param name="Justification">The stored reason for a missing record, if any.</param>
/// <param name="Leave">The leave covering the whole quarter, as dates, if any.</param>
/// <param name="Required">The quarter has ended by the self-rating (rule 9 asks for it).</param>
public sealed record QuarterLink(int Year, int Quarter, PartyQuarterRecord? Record, PartyQuarterJustification? Justification, string? Leave, bool Required)
{
    /// <summary>The card input of its reason: <c>party.missingQuarter.Q2</c>.</summary>
    public string InputId => "party.missingQuarter.Q" + Quarter.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Rule 9 on the annual self-rating of a member (Forms 2A/2B/2C): the year's quarterly records (Form 05) are listed on the
/// card, linked to the rating; each quarter asked for without a record needs a reason (<c>party.missingQuarter.Qn</c>),
/// unless lawful leave covered the whole quarter (then the leave stands for it). The self-rating is refused while a
/// reason is missing, naming the quarters; the reasons are kept beside the rating and shown to the advisory body.
/// </summary>
public sealed class PartyQuarterLinks(EvalBotDbContext db, OrganisationClock clock)
{
    public async Task<IReadOnlyList<QuarterLink>> LinksAsync(PartySubject subject, DateTimeOffset now, CancellationToken ct) =>
        (await LoadAsync(subject, now, ct)).Links;

    /// <summary>
    /// The self-rating's check of rule 9 with the reasons typed on the card: the refusal (naming every quarter still to
    /// justify), or the reasons to keep (typed, or the leave) for the quarters without a record. A collective has none.
    /// </summary>
    public async Task<(PartyRefusal? Refusal, List<(int Quarter, string Text, bool FromLeave)> Reasons)> CheckAsync(
        PartySubject subject, JsonObject form, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Member is null) return (null, []);
        var (links, admitted) = await LoadAsync(subject, now, ct);
        return Check(subject, links, form, clock.Today(now), admitted);
    }

    private async Task<(IReadOnlyList<QuarterLink> Links, DateOnly? Admitted)> LoadAsync(PartySubject subject, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Member is not { } member) return ([], null);
        var year = subject.Rating.Year;
        var records = await db.PartyQuarterRecords.AsNoTracking().Where(r => r.PersonId == member.Id && r.Year == year).ToListAsync(ct);
        var reasons = await db.PartyQuarterJustifications.AsNoTracking().Where(j => j.RatingId == subject.Rating.Id).ToListAsync(ct);
        var first = PartyQuarters.StartOf(year, 1);
        var last = PartyQuarters.EndOf(year, PartyQuarters.QuartersPerYear);
        var leaves = await db.Set<LeaveRecord>().AsNoTracking().Where(l => l.PersonId == member.Id && l.From <= last && l.To >= first).ToListAsync(ct);
        var admitted = await db.PartyMemberships.Where(m => m.PersonId == member.Id).Select(m => m.AdmittedOn).FirstOrDefaultAsync(ct);
        var required = PartyQuarters.Required(year, clock.Today(now), admitted);
        return ([.. Enumerable.Range(1, PartyQuarters.QuartersPerYear).Select(q =>
        {
            var leave = leaves.Find(l => l.From <= PartyQuarters.StartOf(year, q) && l.To >= PartyQuarters.EndOf(year, q));
            return new QuarterLink(year, q, records.Find(r => r.Quarter == q), reasons.Find(j => j.Quarter == q),
                leave is null ? null : $"{TextTable.Date(leave.From)} – {TextTable.Date(leave.To)}", required.Contains(q));
        })], admitted);
    }

    private static (PartyRefusal? Refusal, List<(int Quarter, string Text, bool FromLeave)> Reasons) Check(
        PartySubject subject, IReadOnlyList<QuarterLink> links, JsonObject form, DateOnly today, DateOnly? admitted)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(links);
        var reasons = new List<(int, string, bool)>();
        foreach (var link in links.Where(l => l.Record is null && l.Required))
        {
            if (JsonRead.Text(form, link.InputId)?.Trim() is { Length: > 0 } typed) reasons.Add((link.Quarter, typed[..Math.Min(typed.Length, 2000)], false));
            else if (link.Leave is { } leave) reasons.Add((link.Quarter, leave, true));
        }

        var standings = links.Select(l => new QuarterStanding(l.Quarter, l.Record is not null, l.Leave is not null,
            reasons.Find(r => r.Item1 == l.Quarter).Item2)).ToList();
        return (PartyQuarters.Check(subject.Rating.Year, today, admitted, standings), reasons);
    }

    /// <summary>Replaces the rating's reasons with <paramref name="reasons"/> (a self-rating taken again states them again).</summary>
    public async Task SaveAsync(PartyRating rating, IReadOnlyList<(int Quarter, string Text, bool FromLeave)> reasons, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(reasons);
        db.PartyQuarterJustifications.RemoveRange(await db.PartyQuarterJustifications.Where(j => j.RatingId == rating.Id).ToListAsync(ct));
        db.PartyQuarterJustifications.AddRange(reasons.Select(r => new PartyQuarterJustification
        {
            RatingId = rating.Id, Quarter = r.Quarter, Text = r.Text, FromLeave = r.FromLeave, RecordedAt = now,
        }));
    }

    /// <summary>The quarters for the card: each with a record (its points and level), a reason, leave, or asked for and still missing.</summary>
    public static JsonArray Lines(IReadOnlyList<QuarterLink> links, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(text);
        return [.. links.Where(l => l.Record is not null || l.Justification is not null || l.Required).Select(l => (JsonNode)new JsonObject
        {
            ["title"] = text.PeriodLabel(PartyQuarters.Label(l.Year, l.Quarter)),
            ["value"] = CardText.Plain(Value(l, text)),
        })];
    }

    /// <summary>The reason inputs of the self-rating form: each quarter asked for with no record and not wholly on leave.</summary>
    public static JsonArray Inputs(IReadOnlyList<QuarterLink> links, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(text);
        return [.. links.Where(l => l is { Record: null, Leave: null, Required: true }).Select(l => (JsonNode)new JsonObject
        {
            ["id"] = l.InputId,
            ["label"] = text.Format("partyMissingQuarterLabel", text.PeriodLabel(PartyQuarters.Label(l.Year, l.Quarter))),
            ["value"] = l.Justification is { FromLeave: false } j ? j.Text : "",
        })];
    }

    private static string Value(QuarterLink l, TextTable text) => l switch
    {
        { Record: { } r } => text.Format("partyPoints", text.Number(r.GeneralPoints), text.Number(r.TaskPoints), text.Number(r.Total), text.LevelName((Level)r.Level)),
        { Justification: { FromLeave: true } j } => text.Format("partyQuarterOnLeave", j.Text),
        { Justification: { } j } => text.Format("partyQuarterMissing", j.Text),
        { Leave: { } leave } => text.Format("partyQuarterOnLeave", leave),
        _ => text["partyQuarterNone"],
    };
}
