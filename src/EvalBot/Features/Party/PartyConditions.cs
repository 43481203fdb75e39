using EvalBot.Domain.Classification;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Records;
using EvalBot.Domain.Tracks;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Party;

/// <summary>
/// The Party rule-set of a year and the level a rating's points reach: for a member, lowered by what the year's records
/// say under QD366 (task conditions, remediation, discipline, findings, new member); for a collective, the band of its points.
/// </summary>
public sealed class PartyConditions(EvalBotDbContext db, PersonYearBuilder builder, RuleSetCatalog catalog, OrganisationClock clock)
{
    public RuleSet RuleSetFor(int year) =>
        RuleSetSelector.Select(Population.CivilServant, year, isPartyMember: true, catalog).Party
            ?? throw new InvalidOperationException("No Party rule-set covers the year.");

    public async Task<PartyProposal> ProposeAsync(PartySubject subject, decimal general, decimal task, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var ruleSet = RuleSetFor(subject.Rating.Year);
        if (subject.Member is not { } member) return PartyProposals.Propose(general, task, ruleSet, null);
        var data = await YearData.LoadAsync(db, subject.Rating.Year, [member.UnitId], ct);
        var person = data.People.FirstOrDefault(p => p.Id == member.Id) ?? member;
        var admitted = await db.PartyMemberships.Where(m => m.PersonId == member.Id).Select(m => m.AdmittedOn).FirstOrDefaultAsync(ct);
        var today = clock.Today(now);
        var reviewDate = today.Year == subject.Rating.Year ? today : new DateOnly(subject.Rating.Year, 12, 31);
        var year = builder.Build(person, data, new OrgTree(data.Units), ruleSet, reviewDate, unitResult: null) with { PartyAdmissionDate = admitted };
        return PartyProposals.Propose(general, task, ruleSet, AnnualClassifier.Classify(year, ruleSet));
    }
}
