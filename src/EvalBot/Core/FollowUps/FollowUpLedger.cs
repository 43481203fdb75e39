using System.Globalization;
using System.Text.Json;
using EvalBot.Domain.FollowUps;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using Person = EvalBot.Persistence.Entities.Person;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalBot.Core;

/// <summary>An imported vote as the ledger reads it: the person, the vote's own id and its counts.</summary>
public sealed record ImportedVote(long PersonId, string VoteId, ConfidenceVote Vote);

/// <summary>
/// Opens the personnel follow-ups of rules 30 and 38 (<see cref="FollowUpRules"/>) for whoever must decide them: one
/// per person, year and kind, whatever the re-imports and re-decisions. The holder is the head of the person's agency
/// for a dismissal, and for the leader's posts the competent level of the person's unit, else the head of the directly
/// superior unit; nobody holds their own case (null: the organisation board). The caller saves; the follow-ups feature
/// sends each new task to its holder.
/// </summary>
public sealed class FollowUpLedger(EvalBotDbContext db, RuleSetCatalog catalog, OrganisationClock clock, IOptions<FollowUpOptions> options)
{
    /// <summary>Rule 38 for each vote: opens its tasks; returns how many were opened.</summary>
    public async Task<int> OpenForVotesAsync(IReadOnlyList<ImportedVote> votes, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var opened = 0;
        foreach (var v in votes)
        {
            var outcome = FollowUpRules.Evaluate(v.Vote, Thresholds(v.Vote.Date.Year));
            foreach (var kind in outcome.Tasks)
            {
                string[] args = [Percent(outcome.LowPercent), v.Vote.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), v.VoteId];
                if (await OpenAsync(v.PersonId, v.Vote.Date.Year, kind, "vote:" + v.VoteId, "fuGroundsVote", args, now, ct)) opened++;
            }
        }

        return opened;
    }

    /// <summary>Rule 30 for a decided annual level: opens its tasks; returns how many were opened.</summary>
    public async Task<int> OpenForAnnualLevelAsync(Person person, int year, Domain.Level level, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var opened = 0;
        foreach (var kind in FollowUpRules.ForAnnualLevel(level, person.Population, person.IsLeader))
        {
            if (await OpenAsync(person.Id, year, kind, "rating:" + year.ToString(CultureInfo.InvariantCulture), "fuGroundsKht", [year.ToString(CultureInfo.InvariantCulture)], now, ct)) opened++;
        }

        return opened;
    }

    /// <summary>The thresholds of rule 38 in <paramref name="year"/>: the Party rule-set's quorum and share, the removal fraction.</summary>
    public FollowUpThresholds Thresholds(int year)
    {
        var leader = RuleSetSelector.Select(Population.CivilServant, year, isPartyMember: true, catalog).Party?.Leader
            ?? throw new InvalidOperationException("No Party rule-set covers the year.");
        var o = options.Value;
        return new FollowUpThresholds(leader.VoteQuorumNumerator, leader.VoteQuorumDenominator, leader.NotCompleteWhenLowConfidenceAbovePercent ?? 50m,
            o.RemovalAboveNumerator, o.RemovalAboveDenominator);
    }

    private async Task<bool> OpenAsync(long personId, int year, FollowUpKind kind, string source, string groundsKey, string[] args, DateTimeOffset now, CancellationToken ct)
    {
        var name = kind.ToString();
        if (db.FollowUpTasks.Local.Any(t => t.PersonId == personId && t.Year == year && t.Kind == name)
            || await db.FollowUpTasks.AnyAsync(t => t.PersonId == personId && t.Year == year && t.Kind == name, ct))
        {
            return false;
        }

        var days = kind == FollowUpKind.DecideDismissal ? options.Value.DismissalDays : options.Value.ConsiderationDays;
        db.FollowUpTasks.Add(new FollowUpTask
        {
            PersonId = personId, Year = year, Kind = name, Source = source, GroundsKey = groundsKey, GroundsArgsJson = JsonSerializer.Serialize(args),
            HolderPersonId = await HolderAsync(personId, kind, ct), OpenedAt = now, DueOn = clock.Today(now).AddDays(days),
        });
        return true;
    }

    /// <summary>The organisation's units, read once per unit of work (an import opens many follow-ups).</summary>
    private Dictionary<long, Unit>? _units;

    private async Task<long?> HolderAsync(long personId, FollowUpKind kind, CancellationToken ct)
    {
        var unitId = await db.People.Where(p => p.Id == personId).Select(p => (long?)p.UnitId).FirstOrDefaultAsync(ct);
        if (unitId is null) return null;
        var units = _units ??= await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var unit = units[unitId.Value];
        if (kind == FollowUpKind.DecideDismissal)
        {
            // The head of the agency that uses the person (walking up to it), or the first head above who is not the person.
            long? agencyHead = null;
            for (var u = unit; u is not null; u = u.ParentId is { } p && units.TryGetValue(p, out var up) ? up : null)
            {
                if (u.HeadPersonId is { } h && h != personId) agencyHead ??= h;
                if (u.IsAgency && u.HeadPersonId is { } head && head != personId) return head;
            }

            return agencyHead;
        }

        if (unit.CompetentPersonId is { } competent && competent != personId) return competent;
        for (var u = unit.ParentId is { } pid && units.TryGetValue(pid, out var parent) ? parent : null; u is not null; u = u.ParentId is { } p && units.TryGetValue(p, out var up) ? up : null)
        {
            if (u.HeadPersonId is { } head && head != personId) return head;
        }

        return null;
    }

    private static string Percent(decimal value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
