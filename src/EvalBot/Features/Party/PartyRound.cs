using System.Globalization;
using EvalBot.Auditing;
using EvalBot.Domain.Classification;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Features.Party;

/// <summary>A unit whose state ratings are not all decided: the Party round waits for it (rule 2).</summary>
/// <param name="Unit">The unit's name.</param>
/// <param name="Undecided">Party members of the unit without a decided state rating for the year.</param>
public sealed record UndecidedUnit(string Unit, int Undecided);

/// <summary>What opening the Party round of a year did, or why it did not.</summary>
/// <param name="Year">The year.</param>
/// <param name="Opened">Ratings opened now (members and collectives).</param>
/// <param name="Existing">Ratings already open or further.</param>
/// <param name="Excluded">Members not on the list: admitted under six months before the review, exempt or suspended.</param>
/// <param name="Undecided">Units whose state ratings are not decided; when any, nothing was opened.</param>
public sealed record PartyRoundResult(int Year, int Opened, int Existing, IReadOnlyList<string> Excluded, IReadOnlyList<UndecidedUnit> Undecided)
{
    public bool Refused => Undecided.Count > 0;
}

/// <summary>
/// Opens a year's Party rating (Regulation 366): a rating per collective and per Party member on the list, each member's
/// pre-filled with the points of the year's confirmed periods under QD366 and their decided state level, and with the
/// quarterly records (Form 05) of the quarters confirmed before they were known as members. Refused while
/// any member's state rating for the year is not decided (rule 2: the state rating is the Party rating's input). Members
/// admitted under six months before the review (rule 19), exempt or suspended are left off the list. Opening twice opens
/// only what is missing.
/// </summary>
public sealed class PartyRound(EvalBotDbContext db, PersonYearBuilder builder, RuleSetCatalog catalog, AuditLog audit, OrganisationClock clock)
{
    public async Task<(PartyRoundResult Result, List<PartyRating> Opened)> OpenAsync(int year, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var data = await YearData.LoadAsync(db, year, ct);
        var people = data.People.ToDictionary(p => p.Id);
        var memberships = await db.PartyMemberships.AsNoTracking().ToListAsync(ct);
        var today = clock.Today(now);
        var reviewDate = today.Year == year ? today : new DateOnly(year, 12, 31);
        var qd366 = RuleSetSelector.Select(Population.CivilServant, year, isPartyMember: true, catalog).Party
            ?? throw new InvalidOperationException("No Party rule-set covers " + year.ToString(CultureInfo.InvariantCulture));
        var excluded = new List<string>();
        var listed = new List<(PartyMembership Membership, Person Person)>();
        foreach (var m in memberships)
        {
            if (!people.TryGetValue(m.PersonId, out var person)) continue;
            if (m.Status != PartyMembershipStatuses.Active || PartyList.IsTooNew(m.AdmittedOn, reviewDate, qd366))
                excluded.Add(person.FullName);
            else listed.Add((m, person));
        }

        var undecided = await UndecidedAsync(year, listed.Select(l => l.Person).ToList(), data, ct);
        if (undecided.Count > 0) return (new PartyRoundResult(year, 0, 0, excluded, undecided), []);

        var existing = await db.PartyRatings.Where(r => r.Year == year).ToListAsync(ct);
        var opened = new List<PartyRating>();
        var tree = new OrgTree(data.Units);
        foreach (var collective in await db.PartyCollectives.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct))
        {
            if (existing.Any(r => r.CollectiveId == collective.Id)) continue;
            opened.Add(new PartyRating { Year = year, CollectiveId = collective.Id, PartyOrganisationId = collective.PartyOrganisationId, GroupKey = "collective:" + collective.Kind, OpenedAt = now });
        }

        foreach (var (membership, person) in listed.OrderBy(l => l.Person.Id))
        {
            if (existing.Any(r => r.PersonId == person.Id)) continue;
            opened.Add(await MemberRatingAsync(membership, person, data, tree, qd366, reviewDate, now, ct));
        }

        db.PartyRatings.AddRange(opened);
        audit.Record(actor, "party.open", "party-year", year.ToString(CultureInfo.InvariantCulture), new { opened = opened.Count, existing = existing.Count, excluded = excluded.Count }, now);
        await db.SaveChangesAsync(ct);
        return (new PartyRoundResult(year, opened.Count, existing.Count, excluded, []), opened);
    }

    private async Task<PartyRating> MemberRatingAsync(PartyMembership membership, Person person, YearData data, OrgTree tree, RuleSet qd366, DateOnly reviewDate, DateTimeOffset now, CancellationToken ct)
    {
        var year = builder.Build(person, data, tree, qd366, reviewDate, unitResult: null) with { PartyAdmissionDate = membership.AdmittedOn };
        var points = PartyPoints.Of(year, qd366, person.IsLeader);
        // Quarters confirmed before the membership was known (or imported) get their Form 05 record now (rule 9).
        var recorded = await db.PartyQuarterRecords.Where(q => q.PersonId == person.Id && q.Year == data.Year).Select(q => q.Quarter).ToListAsync(ct);
        foreach (var quarter in Enumerable.Range(1, PartyQuarters.QuartersPerYear).Except(recorded))
        {
            if (PartyQuarterRecords.Fill(null, year, qd366, person, quarter, now) is { } filled) db.PartyQuarterRecords.Add(filled);
        }

        var state = await db.Set<ClassificationRecord>().Where(r => r.PersonId == person.Id && r.Year == data.Year)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        return new PartyRating
        {
            Year = data.Year,
            PersonId = person.Id,
            PartyOrganisationId = membership.CellId,
            GroupKey = person.TaskGroupId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            SuggestedGeneral = points.General,
            SuggestedTask = points.Task,
            StateLevel = state?.Level,
            OpenedAt = now,
        };
    }

    /// <summary>Units with listed members whose state rating for the year is missing or still a draft (members outside the system have none).</summary>
    private async Task<List<UndecidedUnit>> UndecidedAsync(int year, List<Person> listed, YearData data, CancellationToken ct)
    {
        var ids = listed.Where(p => p.Population != Population.PartyMemberOutsideSystem).Select(p => p.Id).ToList();
        var decided = (await db.Set<ClassificationRecord>().Where(r => r.Year == year && ids.Contains(r.PersonId)).ToListAsync(ct))
            .GroupBy(r => r.PersonId).Where(g => g.MaxBy(r => r.Version)!.State == ClassificationState.Decided).Select(g => g.Key).ToHashSet();
        return [.. listed.Where(p => ids.Contains(p.Id) && !decided.Contains(p.Id)).GroupBy(p => p.UnitId)
            .Select(g => new UndecidedUnit(data.Units[g.Key].Name, g.Count())).OrderBy(u => u.Unit, StringComparer.Ordinal)];
    }
}
