using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Core;

/// <summary>
/// Everything the compile and the summaries read about one year, loaded in a handful of queries, so compiling a
/// province is not one query per person. Only confirmed (or adjusted) current report versions count.
/// </summary>
public sealed record YearData(
    int Year,
    IReadOnlyList<Person> People,
    IReadOnlyDictionary<long, Unit> Units,
    IReadOnlyDictionary<long, Target> Targets,
    ILookup<long, CheckInReport> Reports,
    ILookup<long, LeaveRecord> Leaves,
    ILookup<long, DisciplineRecord> Disciplines,
    ILookup<long, FindingRecord> Findings,
    ILookup<long, TransferRecord> Transfers,
    ILookup<long, ConfidenceVoteRecord> Votes,
    ILookup<long, RemediationItemRow> Remediation)
{
    /// <summary>The imported score sheets; a person's general score is summed over their sheet's general criteria.</summary>
    public ScoreSheetBook Sheets { get; init; } = ScoreSheetBook.Empty;

    /// <summary>The old units' period scores imported after a transfer, of the year (rule 20, Decree 335 Art. 21).</summary>
    public ILookup<long, PriorScoreRecord> PriorScores { get; init; } = Array.Empty<PriorScoreRecord>().ToLookup(p => p.PersonId);

    /// <summary>Violations counted for a decided KHT in an earlier year (rule 12), so a later sanction for them is not counted again.</summary>
    public ILookup<long, Domain.Records.CountedViolation> CountedBefore { get; init; } = Array.Empty<(long, Domain.Records.CountedViolation V)>().ToLookup(x => x.Item1, x => x.V);

    /// <summary>The people whose old unit's written comment after a transfer is recorded for the year (rules 20, 37).</summary>
    public IReadOnlySet<long> OldUnitComments { get; init; } = new HashSet<long>();

    public static Task<YearData> LoadAsync(EvalBotDbContext db, int year, CancellationToken ct) => LoadAsync(db, year, null, ct);

    /// <summary>
    /// The year for the active people of <paramref name="unitIds"/> only (every unit when null): a unit's summary reads
    /// its own people's records, not the whole register's. Units are always all loaded (the tree).
    /// </summary>
    public static async Task<YearData> LoadAsync(EvalBotDbContext db, int year, IReadOnlyCollection<long>? unitIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        var inUnits = unitIds?.ToList();
        var peopleQuery = db.People.AsNoTracking().Where(p => p.IsActive);
        if (inUnits is not null) peopleQuery = peopleQuery.Where(p => inUnits.Contains(p.UnitId));
        var people = await peopleQuery.OrderBy(p => p.Id).ToListAsync(ct);
        var ids = inUnits is null ? null : people.Select(p => p.Id).ToList();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        List<CheckInReport> reports;
        Dictionary<long, Target> targets;
        if (ids is null)
        {
            reports = await db.CheckInReports.AsNoTracking().Include(r => r.Lines)
                .Where(r => r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted))
                .ToListAsync(ct);
            targets = await db.Targets.AsNoTracking().Where(t => t.Period.StartsWith(prefix)).ToDictionaryAsync(t => t.Id, ct);
        }
        else
        {
            // Only the columns the rules read, and only the targets the loaded lines refer to.
            (reports, targets) = await ReportsAndTargetsAsync(db, ids, prefix, ct);
        }
        var records = await PersonRecords.LoadAsync(db, year, ids, ct);
        return new YearData(year, people, units, targets, reports.ToLookup(r => r.PersonId),
            records.Leaves, records.Disciplines, records.Findings, records.Transfers, records.Votes, records.Remediation)
        {
            Sheets = await ScoreSheetBook.LoadAsync(db, ct),
            PriorScores = records.PriorScores,
            CountedBefore = records.CountedBefore,
            OldUnitComments = await OldUnitCommentsAsync(db, year, ct),
        };
    }

    /// <summary>The people whose old unit's written comment is recorded for the year (<see cref="OldUnitComments"/>).</summary>
    public static async Task<IReadOnlySet<long>> OldUnitCommentsAsync(EvalBotDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.ReviewOpinions.AsNoTracking().Where(o => o.Year == year && o.Kind == ReviewOpinionKind.OldUnit).Select(o => o.PersonId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>
    /// The current confirmed (or adjusted) reports of the year of <paramref name="ids"/> with their lines, and the year's
    /// targets those lines refer to, holding only the columns the rule engine and the unit results read. Two flat
    /// queries (the reports; their lines joined with their targets) rather than a collection projection and a second
    /// lookup of every target by id: materialising nested collections and the list of ~12,000 target ids were most of
    /// a 1,000-person unit's read.
    /// </summary>
    public static async Task<(List<CheckInReport> Reports, Dictionary<long, Target> Targets)> ReportsAndTargetsAsync(
        EvalBotDbContext reader, List<long> ids, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var current = reader.CheckInReports.AsNoTracking()
            .Where(r => ids.Contains(r.PersonId) && r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted));
        var reports = await current
            .Select(r => new CheckInReport
            {
                Id = r.Id,
                PersonId = r.PersonId,
                Period = r.Period,
                Version = r.Version,
                IsCurrent = r.IsCurrent,
                Status = r.Status,
                GeneralJson = r.GeneralJson,
                ConfirmedGeneralJson = r.ConfirmedGeneralJson,
            })
            .ToDictionaryAsync(r => r.Id, ct);
        var rows = await (
            from r in current
            join l in reader.CheckInLines on r.Id equals l.ReportId
            join t in reader.Targets.Where(t => t.Period.StartsWith(prefix)) on l.TargetId equals t.Id into matched
            from t in matched.DefaultIfEmpty()
            orderby l.Id
            select new LineRow(
                l.Id, l.ReportId, l.TargetId, l.Done, l.QualityOk, l.OnTime, l.FailedChecks, l.Delays, l.ObjectiveCause, l.ObjectiveCauseApprover, l.ObjectiveCauseDocument,
                t == null ? null : t.ExternalId, t == null ? null : t.PersonId, t == null ? 0m : t.Quantity, t == null ? 0m : t.ConversionFactor,
                t == null ? default : t.Deadline, t == null ? null : t.QualityRequirement))
            .ToListAsync(ct);
        var targets = new Dictionary<long, Target>();
        foreach (var row in rows)
        {
            if (!reports.TryGetValue(row.ReportId, out var report)) continue;
            report.Lines.Add(row.Line());
            if (row.ExternalId is not null && !targets.ContainsKey(row.TargetId)) targets.Add(row.TargetId, row.Target());
        }

        return ([.. reports.Values.OrderBy(r => r.Id)], targets);
    }

    /// <summary>A line of <see cref="ReportsAndTargetsAsync"/> with the columns of its target (null when not a target of the year).</summary>
    private sealed record LineRow(
        long Id, long ReportId, long TargetId, decimal Done, decimal QualityOk, decimal OnTime, int FailedChecks, int Delays, bool ObjectiveCause,
        string? ObjectiveCauseApprover, string? ObjectiveCauseDocument,
        string? ExternalId, long? PersonId, decimal Quantity, decimal ConversionFactor, DateOnly Deadline, string? QualityRequirement)
    {
        public CheckInLine Line() => new()
        {
            Id = Id,
            ReportId = ReportId,
            TargetId = TargetId,
            Done = Done,
            QualityOk = QualityOk,
            OnTime = OnTime,
            FailedChecks = FailedChecks,
            Delays = Delays,
            ObjectiveCause = ObjectiveCause,
            ObjectiveCauseApprover = ObjectiveCauseApprover,
            ObjectiveCauseDocument = ObjectiveCauseDocument,
        };

        public Target Target() => new()
        {
            Id = TargetId,
            ExternalId = ExternalId!,
            Period = "",
            PersonId = PersonId,
            Title = "",
            UnitOfMeasure = "",
            Quantity = Quantity,
            ConversionFactor = ConversionFactor,
            Deadline = Deadline,
            QualityRequirement = QualityRequirement ?? "",
        };
    }

    /// <summary>
    /// The records that are few per person, by person: leave overlapping the year, discipline, findings, transfers and
    /// confidence votes of the year, remediation items; of <paramref name="ids"/> only, or of everyone when null.
    /// </summary>
    internal sealed record PersonRecords(
        ILookup<long, LeaveRecord> Leaves,
        ILookup<long, DisciplineRecord> Disciplines,
        ILookup<long, FindingRecord> Findings,
        ILookup<long, TransferRecord> Transfers,
        ILookup<long, ConfidenceVoteRecord> Votes,
        ILookup<long, RemediationItemRow> Remediation)
    {
        /// <summary>The old units' period scores of the year (rule 20).</summary>
        public ILookup<long, PriorScoreRecord> PriorScores { get; init; } = Array.Empty<PriorScoreRecord>().ToLookup(p => p.PersonId);

        /// <summary>Violations counted by an earlier year's decided KHT (rule 12).</summary>
        public ILookup<long, Domain.Records.CountedViolation> CountedBefore { get; init; } = Array.Empty<(long, Domain.Records.CountedViolation V)>().ToLookup(x => x.Item1, x => x.V);

        public static async Task<PersonRecords> LoadAsync(EvalBotDbContext db, int year, List<long>? ids, CancellationToken ct)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            var leaveQuery = db.Leaves.AsNoTracking().Where(l => l.From <= to && l.To >= from);
            var disciplineQuery = db.Disciplines.AsNoTracking();
            var findingQuery = db.Findings.AsNoTracking();
            var transferQuery = db.Transfers.AsNoTracking().Where(t => t.Date >= from && t.Date <= to);
            var voteQuery = db.ConfidenceVotes.AsNoTracking().Where(v => v.Date >= from && v.Date <= to);
            var remediationQuery = db.RemediationItems.AsNoTracking();
            if (ids is not null)
            {
                leaveQuery = leaveQuery.Where(x => ids.Contains(x.PersonId));
                disciplineQuery = disciplineQuery.Where(x => ids.Contains(x.PersonId));
                findingQuery = findingQuery.Where(x => ids.Contains(x.PersonId));
                transferQuery = transferQuery.Where(x => ids.Contains(x.PersonId));
                voteQuery = voteQuery.Where(x => ids.Contains(x.PersonId));
                remediationQuery = remediationQuery.Where(x => ids.Contains(x.PersonId));
            }

            return new PersonRecords(
                (await leaveQuery.ToListAsync(ct)).ToLookup(l => l.PersonId),
                (await disciplineQuery.ToListAsync(ct)).ToLookup(d => d.PersonId),
                (await findingQuery.ToListAsync(ct)).ToLookup(f => f.PersonId),
                (await transferQuery.ToListAsync(ct)).ToLookup(t => t.PersonId),
                (await voteQuery.ToListAsync(ct)).ToLookup(v => v.PersonId),
                (await remediationQuery.ToListAsync(ct)).ToLookup(r => r.PersonId))
            {
                PriorScores = await PriorScoresAsync(db, year, ids, ct),
                CountedBefore = await CountedViolations.BeforeAsync(db, year, ids, ct),
            };
        }

        private static async Task<ILookup<long, PriorScoreRecord>> PriorScoresAsync(EvalBotDbContext db, int year, List<long>? ids, CancellationToken ct)
        {
            var prefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
            var query = db.PriorScores.AsNoTracking().Where(p => p.Period.StartsWith(prefix));
            if (ids is not null) query = query.Where(x => ids.Contains(x.PersonId));
            return (await query.ToListAsync(ct)).ToLookup(p => p.PersonId);
        }
    }

    private ILookup<long, Person>? _peopleByUnit;

    /// <summary>The active people of each unit, in <see cref="People"/> order.</summary>
    public ILookup<long, Person> PeopleByUnit => _peopleByUnit ??= People.ToLookup(p => p.UnitId);

    public Unit UnitOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Units[person.UnitId];
    }
}
