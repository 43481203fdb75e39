using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Review;

/// <summary>What was typed on the meeting card, kept when it is refused or when the entries are filtered.</summary>
/// <param name="Subject">The person id chosen, as typed.</param>
/// <param name="Comment">The comment.</param>
/// <param name="OnlySubject">When set, the card lists only the entries about this person (<c>review.show</c>).</param>
public sealed record MeetingTyped(string Subject, string Comment, long? OnlySubject = null);

/// <summary>
/// The <c>review-meeting</c> card of a unit's comment meeting of a year (rule 24): the chair, where the minutes stand, the
/// comments recorded so far with their author and subject (the latest <see cref="MaxShown"/>, or those about one person
/// when the reader asks), and the form to comment (an addendum once approved); the chair alone sees <b>Thông qua biên bản</b>.
/// </summary>
public sealed class ReviewMeetingCard(EvalBotDbContext db, CardTemplates templates, OrganisationClock clock)
{
    /// <summary>The longest comment.</summary>
    public const int MaxComment = 2000;

    /// <summary>The most entries the card lists (the latest), so the card stays under what Teams accepts.</summary>
    public const int MaxShown = 30;

    /// <summary>
    /// The unit whose meeting <paramref name="person"/> takes part in: <paramref name="requested"/> when they belong to it or
    /// head it; without one, the unit they head (their own first), else their own unit. Null when none.
    /// </summary>
    public async Task<Unit?> UnitOfAsync(Person person, long? requested, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (requested is { } id)
        {
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
            return unit is not null && IsParticipant(unit, person) ? unit : null;
        }

        var own = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == person.UnitId, ct);
        if (own?.HeadPersonId == person.Id) return own;
        return await db.Units.AsNoTracking().Where(u => u.HeadPersonId == person.Id).OrderBy(u => u.Id).FirstOrDefaultAsync(ct) ?? own;
    }

    /// <summary>Whether the person takes part in the unit's meeting: its members and its head.</summary>
    public static bool IsParticipant(Unit unit, Person person) =>
        person.IsActive && (person.UnitId == unit.Id || unit.HeadPersonId == person.Id);

    /// <summary>The people of the meeting, by id: the unit's active members and its head.</summary>
    public async Task<List<Person>> ParticipantsAsync(Unit unit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return await db.People.AsNoTracking().Where(p => p.IsActive && (p.UnitId == unit.Id || p.Id == unit.HeadPersonId)).OrderBy(p => p.Id).ToListAsync(ct);
    }

    /// <summary>Renders the card for <paramref name="me"/>; <paramref name="typed"/> re-shows what a refused submit held.</summary>
    public async Task<JsonObject> RenderAsync(Person me, Unit unit, int year, string language, string? notice, string? error, MeetingTyped? typed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(unit);
        var text = new TextTable(templates, language);
        var meeting = await db.ReviewMeetings.AsNoTracking().Include(m => m.Entries).SingleOrDefaultAsync(m => m.UnitId == unit.Id && m.Year == year, ct);
        var participants = await ParticipantsAsync(unit, ct);
        var entries = meeting?.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).ToList() ?? [];
        var chairId = meeting?.ChairPersonId ?? unit.HeadPersonId;
        var known = participants.ToDictionary(p => p.Id, p => p.FullName);
        var unknown = entries.SelectMany(e => new[] { e.AuthorPersonId, e.SubjectPersonId }).Append(chairId ?? 0).Where(id => !known.ContainsKey(id)).Distinct().ToList();
        foreach (var p in await db.People.AsNoTracking().Where(p => unknown.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToListAsync(ct)) known[p.Id] = p.FullName;
        string Name(long id) => known.TryGetValue(id, out var name) ? CardText.Plain(name) : "—";

        var approved = meeting?.ApprovedAt is not null;
        var total = entries.Count;
        if (typed?.OnlySubject is { } only) entries = [.. entries.Where(e => e.SubjectPersonId == only)];
        var shown = entries.Skip(Math.Max(0, entries.Count - MaxShown)).Select(e => (JsonNode)new JsonObject
        {
            ["heading"] = text.Format(e.IsAddendum ? "rmAddendumEntry" : "rmEntry", Name(e.AuthorPersonId), Name(e.SubjectPersonId), TextTable.DateTime(e.At, clock.Zone)),
            ["text"] = CardText.Plain(e.Text),
        });
        var hidden = Math.Max(0, entries.Count - MaxShown);
        var data = new JsonObject
        {
            ["title"] = text.Format("rmTitle", year),
            ["year"] = year.ToString(CultureInfo.InvariantCulture),
            ["unitId"] = unit.Id.ToString(CultureInfo.InvariantCulture),
            ["unit"] = CardText.Plain(unit.Name),
            ["chair"] = chairId is { } c ? Name(c) : "—",
            ["status"] = meeting?.ApprovedAt is { } at ? text.Format("rmApprovedAt", TextTable.DateTime(at, clock.Zone)) : text[meeting is null ? "rmNotOpened" : "rmInSession"],
            ["notice"] = notice ?? "",
            ["formError"] = error ?? "",
            ["entries"] = new JsonArray([.. shown]),
            ["more"] = hidden,
            ["moreText"] = hidden > 0 ? text.Format("rmEarlier", hidden) : "",
            ["filter"] = typed?.OnlySubject is { } about ? text.Format("rmFiltered", Name(about), entries.Count, total) : "",
            ["members"] = new JsonArray([.. participants.Select(p => (JsonNode)new JsonObject { ["name"] = CardText.Plain(p.FullName), ["id"] = p.Id.ToString(CultureInfo.InvariantCulture) })]),
            ["subject"] = typed?.Subject ?? "",
            ["comment"] = typed?.Comment ?? "",
            ["maxLength"] = MaxComment,
            ["commentLabel"] = text[approved ? "rmAddendumLabel" : "rmCommentLabel"],
            ["commentButton"] = text[approved ? "rmAddendumButton" : "rmCommentButton"],
            ["canApprove"] = !approved && chairId == me.Id && total > 0,
        };
        return templates.Render("review-meeting", data, language);
    }
}
