using EvalBot.Domain.Classification;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Records;
using DisciplineRecord = EvalBot.Domain.Records.DisciplineRecord;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// The Party rule-set of a year and the level a rating's points reach: for a member, lowered by what the year's records
/// say under QD366 (task conditions, remediation, discipline, findings, new member); for a collective, by its Form 01
/// figures and its members' records under Art. 11 (<see cref="CollectiveProposals"/>).
/// </summary>
public sealed class PartyConditions(EvalBotDbContext db, PersonYearBuilder builder, RuleSetCatalog catalog, OrganisationClock clock)
{
    public RuleSet RuleSetFor(int year) =>
        RuleSetSelector.Select(Population.CivilServant, year, isPartyMember: true, catalog).Party
            ?? throw new InvalidOperationException("No Party rule-set covers the year.");

    /// <param name="report">A collective's Form 01 figures (required for a collective; ignored for a member).</param>
    public async Task<PartyProposal> ProposeAsync(PartySubject subject, decimal general, decimal task, PartyCollectiveReport? report, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var ruleSet = RuleSetFor(subject.Rating.Year);
        if (subject.Collective is { } collective)
        {
            return report is null
                ? PartyProposals.Propose(general, task, ruleSet, null)
                : CollectiveProposals.Propose(general, task, ruleSet, await CollectiveYearAsync(collective, subject.Rating.Year, report, ct));
        }

        if (subject.Member is not { } member) return PartyProposals.Propose(general, task, ruleSet, null);
        var data = await YearData.LoadAsync(db, subject.Rating.Year, [member.UnitId], ct);
        var person = data.People.FirstOrDefault(p => p.Id == member.Id) ?? member;
        var admitted = await db.PartyMemberships.Where(m => m.PersonId == member.Id).Select(m => m.AdmittedOn).FirstOrDefaultAsync(ct);
        var today = clock.Today(now);
        var reviewDate = today.Year == subject.Rating.Year ? today : new DateOnly(subject.Rating.Year, 12, 31);
        var year = builder.Build(person, data, new OrgTree(data.Units), ruleSet, reviewDate, unitResult: null) with { PartyAdmissionDate = admitted };
        return PartyProposals.Propose(general, task, ruleSet, AnnualClassifier.Classify(year, ruleSet));
    }

    /// <summary>
    /// The collective's year: its figures, and its current members' sanctions and degradation findings of the year from the
    /// imported records. The imported discipline says neither where the act was committed nor whether it was duty-related,
    /// so every sanction of a current member counts (Art. 11 leaves a violation at a previous posting to the old unit:
    /// the advisory body and the competent level correct such a case with a reason).
    /// </summary>
    private async Task<CollectiveYear> CollectiveYearAsync(PartyCollective collective, int year, PartyCollectiveReport report, CancellationToken ct)
    {
        var members = db.PartyCollectiveMembers.Where(m => m.CollectiveId == collective.Id).Select(m => m.PersonId);
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var sanctions = await db.Disciplines.AsNoTracking().Where(d => members.Contains(d.PersonId) && d.DecisionDate >= from && d.DecisionDate <= to).ToListAsync(ct);
        var findings = await db.Findings.AsNoTracking()
            .Where(f => members.Contains(f.PersonId) && f.Kind == "degradation" && f.Date >= from && f.Date <= to).ToListAsync(ct);
        var kind = collective.Kind == PartyCollectiveKinds.Leadership ? CollectiveKind.Leadership : CollectiveKind.Other;
        return report.ToYear(year, kind,
            [.. sanctions.Select(d => new DisciplineRecord(d.ViolationId, d.Track == "party" ? DisciplineKind.Party : DisciplineKind.Administrative, PersonYearBuilder.SeverityOf(d.Sanction), d.DecisionDate))],
            [.. findings.Select(f => new DegradationFinding(f.Date, f.ExternalId))]);
    }
}
