using EvalBot.Domain;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using DomainDiscipline = EvalBot.Domain.Records.DisciplineRecord;
using DomainLeave = EvalBot.Domain.Records.LeaveRecord;
using DomainPerson = EvalBot.Domain.Records.Person;
using Person = EvalBot.Persistence.Entities.Person;
using RemediationItemStatus = EvalBot.Persistence.Entities.RemediationItemStatus;
using RemediationItemStatuses = EvalBot.Persistence.Entities.RemediationItemStatuses;

namespace EvalBot.Core;

/// <summary>
/// Builds the rule engine's <see cref="PersonYear"/> from what is stored: confirmed period reports (re-scored by the
/// engine from their lines), whole periods on leave as leave periods, discipline, findings, suspensions, transfers
/// (periods before the move count as imported from the old unit, and the old unit's imported period scores fill the periods not
/// confirmed here), violations already counted in an earlier year (rule 12), votes, remediation items and, for leaders, the
/// results of the unit they lead.
/// </summary>
public sealed class PersonYearBuilder(CheckInScoring scoring)
{
    private const decimal DaysPerMonth = 365.25m / 12m;

    public PersonYear Build(Person person, YearData data, OrgTree tree, RuleSet ruleSet, DateOnly reviewDate, UnitResult? unitResult)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(tree);
        var unit = data.UnitOf(person);
        var group = person.TaskGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        var domainPerson = new DomainPerson(person.ExternalId, person.Population, person.IsPartyMember,
            person.PostId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", person.IsLeader, tree.AgencyOf(unit.Id).ExternalId, group);
        var transfers = data.Transfers[person.Id].OrderBy(t => t.Date).ToList();
        var periods = Periods(person, data, unit.ExternalId, unit.PeriodKind, ruleSet, transfers, data.Sheets.For(person, tree));
        return new PersonYear(domainPerson, data.Year, reviewDate, Employment.MonthsInYear(person.HiredOn, person.EndedOn, data.Year), periods)
        {
            Leaves = [.. data.Leaves[person.Id].Select(l => new DomainLeave(LeaveKindOf(l.Kind), MonthsInYear(l.From, l.To, data.Year)))],
            Disciplines = [.. data.Disciplines[person.Id].Select(d => new DomainDiscipline(d.ViolationId,
                d.Track == "party" ? DisciplineKind.Party : DisciplineKind.Administrative, SeverityOf(d.Sanction), d.DecisionDate, !d.OutsidePublicService))],
            AlreadyCounted = [.. data.CountedBefore[person.Id], .. data.Disciplines[person.Id].Where(d => d.CountedYear is not null)
                .Select(d => new CountedViolation(d.ViolationId, d.CountedYear!.Value))],
            MonitoringPeriodKind = KindOf(unit.PeriodKind),
            EmployedFrom = person.HiredOn,
            Findings = [.. data.Findings[person.Id].Where(f => f.Kind == "degradation").Select(f => new DegradationFinding(f.Date, f.ExternalId))],
            Suspensions = [.. data.Findings[person.Id].Where(f => f.Kind == "suspension").Select(f => new Suspension(f.Date, f.ExternalId))],
            Transfers = [.. transfers.Zip(Employment.OldUnitStarts(person.HiredOn, [.. transfers.Select(t => t.Date)], data.Year))
                .Select(x => new Transfer(x.First.FromUnitExternalId, x.First.Date, MonthsInYear(x.Second, x.First.Date.AddDays(-1), data.Year),
                data.Units.Values.Any(u => u.ExternalId == x.First.FromUnitExternalId), data.OldUnitComments.Contains(person.Id)))],
            ConfidenceVotes = [.. data.Votes[person.Id].Select(v => new ConfidenceVote(v.Date, v.High, v.Medium, v.Low, v.Present, v.Convened))],
            Remediation = [.. data.Remediation[person.Id].Select(r => new RemediationItem(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.OwnerPersonId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.DueDate, RemediationOf(r.Status), r.ProgressPercent))],
            Unit = unitResult,
        };
    }

    private List<PeriodReport> Periods(Person person, YearData data, string unitId, string periodKind, RuleSet ruleSet, List<Persistence.Entities.TransferRecord> transfers,
        PersonSheet? sheet)
    {
        var result = new List<PeriodReport>();
        var criteria = scoring.Criteria(ruleSet, sheet);
        foreach (var report in data.Reports[person.Id].OrderBy(r => r.Period, StringComparer.Ordinal))
        {
            var period = Period.Parse(report.Period, unitId);
            var movedAfter = transfers.FirstOrDefault(t => t.Date > period.End);
            var products = report.Lines.Where(l => data.Targets.ContainsKey(l.TargetId)).Select(l =>
            {
                var t = data.Targets[l.TargetId];
                return new ProductReport(new AssignedProduct(t.ExternalId, t.Quantity, t.ConversionFactor, t.Deadline, t.QualityRequirement, t.Title),
                    l.Done, l.QualityOk, l.OnTime, l.FailedChecks, l.Delays,
                    l.ObjectiveCause ? new ObjectiveCauseExemption(l.ObjectiveCauseApprover ?? "", l.ObjectiveCauseDocument ?? "") : null);
            }).ToList();
            var general = GeneralScores.Parse(report.ConfirmedGeneralJson ?? report.GeneralJson);
            var generalScore = Math.Min(ruleSet.Scale.GeneralMax, criteria.Sum(c => Math.Clamp(general.GetValueOrDefault(c.Criterion.Id), 0, c.Max)));
            result.Add(new PeriodReport(movedAfter is null ? period : period with { UnitId = movedAfter.FromUnitExternalId },
                WorkStatus.Worked, products, generalScore, movedAfter?.FromUnitExternalId));
        }

        // The old unit's scores after a transfer, for the periods not confirmed here (rule 20, Decree 335 Art. 21).
        foreach (var prior in data.PriorScores[person.Id].OrderBy(p => p.Period, StringComparer.Ordinal))
        {
            var slot = Period.Parse(prior.Period, prior.FromUnitExternalId);
            if (result.Any(r => SameSlot(r.Period, slot))) continue;
            result.Add(new PeriodReport(slot, WorkStatus.Worked, [], prior.GeneralScore ?? 0m, prior.FromUnitExternalId)
            {
                ImportedTotal = prior.Score,
            });
        }

        // Whole periods spent on leave are left out of the mean, not counted as zero (rule 8).
        var kind = KindOf(periodKind);
        for (var i = 1; i <= (kind == PeriodKind.Month ? 12 : 4); i++)
        {
            var period = new Period(data.Year, kind, i, unitId);
            if (result.Any(r => SameSlot(r.Period, period))) continue;
            var leave = data.Leaves[person.Id].FirstOrDefault(l => l.From <= period.Start && l.To >= period.End);
            if (leave is null) continue;
            result.Add(new PeriodReport(period, WorkStatusOf(leave.Kind), [], 0m));
        }

        return [.. result.OrderBy(r => r.Period.Start)];
    }

    /// <summary>The same period of the calendar (what its label says), whichever unit monitored it.</summary>
    private static bool SameSlot(Period a, Period b) => a.Year == b.Year && a.Kind == b.Kind && a.Index == b.Index;

    private static PeriodKind KindOf(string periodKind) =>
        string.Equals(periodKind, "month", StringComparison.OrdinalIgnoreCase) ? PeriodKind.Month : PeriodKind.Quarter;

    public static decimal MonthsInYear(DateOnly from, DateOnly to, int year)
    {
        var start = from < new DateOnly(year, 1, 1) ? new DateOnly(year, 1, 1) : from;
        var end = to > new DateOnly(year, 12, 31) ? new DateOnly(year, 12, 31) : to;
        return end < start ? 0m : Math.Round((end.DayNumber - start.DayNumber + 1) / DaysPerMonth, 2, MidpointRounding.AwayFromZero);
    }

    private static LeaveKind LeaveKindOf(string kind) => kind switch
    {
        "sick" => LeaveKind.Sick,
        "maternity" => LeaveKind.Maternity,
        _ => LeaveKind.OtherLawful,
    };

    private static WorkStatus WorkStatusOf(string kind) => kind switch
    {
        "sick" => WorkStatus.SickLeave,
        "maternity" => WorkStatus.MaternityLeave,
        _ => WorkStatus.JustifiedAbsence,
    };

    /// <summary>An imported sanction's severity (the import's vocabulary), lightest for an unknown word.</summary>
    public static DisciplineSeverity SeverityOf(string sanction) => sanction switch
    {
        "warning" => DisciplineSeverity.Warning,
        "salary_downgrade" => DisciplineSeverity.SalaryDowngrade,
        "demotion" => DisciplineSeverity.Demotion,
        "removal_from_post" => DisciplineSeverity.RemovalFromPost,
        "dismissal" => DisciplineSeverity.Dismissal,
        "expulsion" => DisciplineSeverity.Expulsion,
        _ => DisciplineSeverity.Reprimand,
    };

    private static RemediationStatus RemediationOf(RemediationItemStatus status) => RemediationItemStatuses.AsReported(status) switch
    {
        RemediationItemStatus.Remedied => RemediationStatus.Remedied,
        RemediationItemStatus.InProgress => RemediationStatus.InProgress,
        _ => RemediationStatus.NotRemedied,
    };
}
