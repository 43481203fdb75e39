using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Features.Party;

/// <summary>
/// The Party member's quarterly self-assessment (Guidance 43, Form 05), written when the leader confirms (or adjusts) a
/// check-in of a period falling in the quarter: only for an active Party member. The points are those of the quarter's
/// confirmed periods, re-scored under the Party rule-set (<see cref="PartyPoints"/>, the same computation as the annual
/// suggestion): with quarterly check-ins the quarter itself; with monthly ones the mean of the quarter's confirmed months
/// so far, so each later confirmation in the quarter updates the record (and the card is sent again). The level is the
/// band of the total under that rule-set. The member gets the Form 05 card in personal chat.
/// </summary>
public sealed class PartyQuarterRecords(EvalBotDbContext db, PersonYearBuilder builder, RuleSetCatalog catalog, PartyNotices notices) : ICheckInConfirmations
{
    public async Task ConfirmedAsync(CheckInConfirmed confirmed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        if (!PeriodKey.TryParse(confirmed.Period, out var key)) return;
        var member = await db.PartyMemberships.AsNoTracking()
            .AnyAsync(m => m.PersonId == confirmed.PersonId && m.Status == PartyMembershipStatuses.Active, cancellationToken);
        if (!member) return;
        var quarter = key.Quarter ?? PartyQuarters.QuarterOf(new Period(key.Year, PeriodKind.Month, key.Month!.Value, ""));
        if (await FillAsync(confirmed.PersonId, key.Year, quarter, confirmed.At, cancellationToken) is { } record)
        {
            await notices.SendQuarterAsync(record, confirmed.Period, confirmed.At, cancellationToken);
        }
    }

    /// <summary>Writes (or rewrites) the member's record of the quarter from its confirmed periods; null when none is confirmed or no Party rule-set covers the year.</summary>
    public async Task<PartyQuarterRecord?> FillAsync(long personId, int year, int quarter, DateTimeOffset now, CancellationToken ct)
    {
        if (RuleSetSelector.Select(Population.CivilServant, year, isPartyMember: true, catalog).Party is not { } ruleSet) return null;
        var unitId = await db.People.Where(p => p.Id == personId).Select(p => p.UnitId).SingleAsync(ct);
        var data = await YearData.LoadAsync(db, year, [unitId], ct);
        if (data.People.FirstOrDefault(p => p.Id == personId) is not { } person) return null;
        var personYear = builder.Build(person, data, new OrgTree(data.Units), ruleSet, PartyQuarters.EndOf(year, quarter), unitResult: null);
        var existing = await db.PartyQuarterRecords.SingleOrDefaultAsync(r => r.PersonId == personId && r.Year == year && r.Quarter == quarter, ct);
        var record = Fill(existing, personYear, ruleSet, person, quarter, now);
        if (record is null) return null;
        if (existing is null) db.PartyQuarterRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// <paramref name="record"/> (or a new one) filled from the confirmed periods of <paramref name="quarter"/> in
    /// <paramref name="year"/>, built under the Party rule-set; null when none of its periods is confirmed. Also used by
    /// the round's opening for the quarters confirmed before the membership was known.
    /// </summary>
    public static PartyQuarterRecord? Fill(PartyQuarterRecord? record, PersonYear year, RuleSet ruleSet, Person person, int quarter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(person);
        var points = PartyPoints.Of(year, ruleSet, person.IsLeader, p => p.Year == year.Year && PartyQuarters.QuarterOf(p) == quarter);
        if (points is not { General: { } general, Task: { } task }) return null;
        var proposal = PartyProposals.Propose(general, task, ruleSet, year: null);
        record ??= new PartyQuarterRecord { PersonId = person.Id, Year = year.Year, Quarter = quarter, CreatedAt = now };
        (record.GeneralPoints, record.TaskPoints, record.Total) = (general, task, general + task);
        record.Level = (int)(proposal.Level ?? Domain.Level.NotComplete);
        record.Periods = string.Join(',', points.Periods);
        record.UpdatedAt = now;
        return record;
    }
}
