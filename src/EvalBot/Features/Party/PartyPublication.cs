using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Delivery;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// Publishes a party organisation's results once every rating of the year in it (collectives and members) is decided:
/// each member of the organisation, each member rated there and each head of a collective rated there gets the list of
/// levels in their personal chat, in their language (Regulation 366: results are made known in the organisation). Levels
/// only: comments, points, opinions and ballots never appear (rule 39). Once per organisation, year and set of decisions.
/// </summary>
public sealed class PartyPublication(EvalBotDbContext db, CardTemplates templates, OutboxWriter outbox, ProactiveAddressing addressing, OrganisationClock clock)
{
    /// <summary>Publishes the organisation of <paramref name="subject"/> when its last rating has just been decided; returns how many were queued.</summary>
    public async Task<int> PublishIfCompleteAsync(PartySubject subject, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (year, org) = (subject.Rating.Year, subject.Organisation);
        var ratings = await db.PartyRatings.AsNoTracking()
            .Where(r => r.Year == year && r.PartyOrganisationId == org.Id && r.Step != PartyRatingStep.Superseded).ToListAsync(ct);
        if (ratings.Count == 0 || ratings.Any(r => r.Step != PartyRatingStep.Decided || r.Level is null)) return 0;
        var collectiveIds = ratings.Where(r => r.CollectiveId is not null).Select(r => r.CollectiveId!.Value).ToList();
        var collectives = await db.PartyCollectives.AsNoTracking().Where(c => collectiveIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var rated = ratings.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).ToList();
        var audience = await db.PartyMemberships.AsNoTracking().Where(m => m.CellId == org.Id && m.Status != PartyMembershipStatuses.Suspended)
            .Select(m => m.PersonId).ToListAsync(ct);
        audience = [.. audience.Concat(rated).Concat(collectives.Values.Select(c => c.HeadPersonId)).Distinct()];
        var people = await db.People.Where(p => audience.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var version = ratings.Max(r => r.DecidedAt ?? DateTimeOffset.MinValue).ToUnixTimeSeconds();
        var queued = 0;
        foreach (var person in audience.Select(id => people.GetValueOrDefault(id)).OfType<Person>().Where(p => p.IsActive))
        {
            if (await addressing.ForAsync(person, null, null, ct) is not { } to) continue;
            var language = person.MessageLanguage();
            var card = Render(year, org, ratings, collectives, people, language, now);
            var key = FormattableString.Invariant($"party.published:{year}:{org.Id}:{person.Id}:{version}");
            if (await outbox.EnqueueToPersonAsync(key, "party.published", to with { PersonId = person.Id }, Conversation.TurnContext.CardMessage(card), ct, now)) queued++;
        }

        return queued;
    }

    private JsonObject Render(int year, PartyOrganisation org, List<PartyRating> ratings, Dictionary<long, PartyCollective> collectives,
        Dictionary<long, Person> people, string language, DateTimeOffset now)
    {
        var text = new TextTable(templates, language);
        var rows = ratings
            .Select(r => (Collective: r.CollectiveId is not null, Level: (Level)r.Level!.Value,
                Name: r.CollectiveId is { } c ? text.Format("partyListCollective", collectives.GetValueOrDefault(c)?.Name ?? "") : people.GetValueOrDefault(r.PersonId!.Value)?.FullName ?? ""))
            .OrderBy(x => !x.Collective).ThenBy(x => x.Level).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        var counts = rows.GroupBy(x => x.Level).OrderBy(g => g.Key).Select(g => text.LevelName(g.Key) + ": " + g.Count().ToString(CultureInfo.InvariantCulture));
        var data = new JsonObject
        {
            ["title"] = CardText.Plain(text.Format("partyListTitle", year.ToString(CultureInfo.InvariantCulture), org.Name)),
            ["status"] = text.Format("partyListStatus", ratings.Count, TextTable.Date(clock.Today(now))),
            ["nameHeader"] = text["partyListName"],
            ["valueHeader"] = text["partyListLevel"],
            ["footer"] = text["partyListFooter"],
            ["rows"] = new JsonArray([.. rows.Select(x => (JsonNode)new JsonObject { ["name"] = CardText.Plain(x.Name), ["level"] = text.LevelName(x.Level) })]),
            ["counts"] = string.Join("; ", counts) + ".",
        };
        return templates.Render("party-list", data, language);
    }
}
