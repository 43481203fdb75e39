using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// What the compile reads about a year, a slice of people at a time: the records that are few per person (leave,
/// discipline, findings, transfers, votes, remediation) once for everyone, the reports, their lines and targets per
/// slice, and only the columns the rules read, so a province's year (millions of lines and targets) is never in memory
/// at once. Same filters as <see cref="YearData.LoadAsync(EvalBotDbContext, int, CancellationToken)"/>.
/// </summary>
internal sealed class CompileChunks
{
    private readonly EvalBotDbContext _db;
    private readonly string _prefix;
    private readonly YearData.PersonRecords _records;

    private CompileChunks(EvalBotDbContext db, int year, IReadOnlyList<Person> people, IReadOnlyDictionary<long, Unit> units, YearData.PersonRecords records)
    {
        _db = db;
        _prefix = year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        _records = records;
        Year = year;
        People = people;
        Units = units;
    }

    public int Year { get; }

    /// <summary>The active people, by id.</summary>
    public IReadOnlyList<Person> People { get; }

    public IReadOnlyDictionary<long, Unit> Units { get; }

    public static async Task<CompileChunks> LoadAsync(EvalBotDbContext db, int year, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return new CompileChunks(db, year, people, units, await YearData.PersonRecords.LoadAsync(db, year, null, ct));
    }

    /// <summary>
    /// The year of <paramref name="people"/>: their current confirmed (or adjusted) reports with their lines, and the
    /// year's targets those lines refer to, holding only what the rule engine and the unit results read.
    /// </summary>
    public Task<YearData> SliceAsync(IReadOnlyList<Person> people, CancellationToken ct) => SliceAsync(_db, people, ct);

    /// <summary>As above, read through <paramref name="reader"/> (another context, so the next slice is read while this one compiles).</summary>
    public async Task<YearData> SliceAsync(EvalBotDbContext reader, IReadOnlyList<Person> people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ids = people.Select(p => p.Id).ToList();
        var (reports, targets) = await ReportsAndTargetsAsync(reader, ids, _prefix, ct);
        return new YearData(Year, people, Units, targets, reports.ToLookup(r => r.PersonId),
            _records.Leaves, _records.Disciplines, _records.Findings, _records.Transfers, _records.Votes, _records.Remediation);
    }

    /// <summary>
    /// The current confirmed (or adjusted) reports of the year of <paramref name="ids"/> with their lines, and the year's
    /// targets those lines refer to, holding only the columns the rule engine and the unit results read.
    /// </summary>
    public static async Task<(List<CheckInReport> Reports, Dictionary<long, Target> Targets)> ReportsAndTargetsAsync(
        EvalBotDbContext reader, List<long> ids, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var reports = await reader.CheckInReports.AsNoTracking()
            .Where(r => ids.Contains(r.PersonId) && r.IsCurrent && r.Period.StartsWith(prefix) && (r.Status == CheckInStatus.Confirmed || r.Status == CheckInStatus.Adjusted))
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
                Lines = r.Lines.Select(l => new CheckInLine
                {
                    Id = l.Id,
                    ReportId = l.ReportId,
                    TargetId = l.TargetId,
                    Done = l.Done,
                    QualityOk = l.QualityOk,
                    OnTime = l.OnTime,
                    FailedChecks = l.FailedChecks,
                    Delays = l.Delays,
                    ObjectiveCause = l.ObjectiveCause,
                    ObjectiveCauseApprover = l.ObjectiveCauseApprover,
                    ObjectiveCauseDocument = l.ObjectiveCauseDocument,
                }).ToList(),
            })
            .ToListAsync(ct);
        var targetIds = reports.SelectMany(r => r.Lines).Select(l => l.TargetId).Distinct().ToList();
        var targets = await reader.Targets.AsNoTracking()
            .Where(t => targetIds.Contains(t.Id) && t.Period.StartsWith(prefix))
            .Select(t => new Target
            {
                Id = t.Id,
                ExternalId = t.ExternalId,
                Period = "",
                PersonId = t.PersonId,
                Title = "",
                UnitOfMeasure = "",
                Quantity = t.Quantity,
                ConversionFactor = t.ConversionFactor,
                Deadline = t.Deadline,
                QualityRequirement = t.QualityRequirement,
            })
            .ToDictionaryAsync(t => t.Id, ct);
        return (reports, targets);
    }
}

/// <summary>
/// A person's lines of the year as a leader's unit result counts them (<see cref="LeaderUnitResults"/>): lines whose
/// target is of the year, completed (done ≥ quantity), exceeded (done &gt; quantity) and on time (on time ≥ quantity, no delay).
/// </summary>
internal readonly record struct LineTotals(int Lines, int Completed, int Exceeded, int OnTime)
{
    public static LineTotals Of(IEnumerable<CheckInReport> reports, IReadOnlyDictionary<long, Target> targets)
    {
        int lines = 0, completed = 0, exceeded = 0, onTime = 0;
        foreach (var report in reports)
        {
            foreach (var line in report.Lines)
            {
                if (!targets.TryGetValue(line.TargetId, out var target)) continue;
                lines++;
                if (line.Done >= target.Quantity) completed++;
                if (line.Done > target.Quantity) exceeded++;
                if (line.OnTime >= target.Quantity && line.Delays == 0) onTime++;
            }
        }

        return new LineTotals(lines, completed, exceeded, onTime);
    }

    public static LineTotals operator +(LineTotals a, LineTotals b) =>
        new(a.Lines + b.Lines, a.Completed + b.Completed, a.Exceeded + b.Exceeded, a.OnTime + b.OnTime);

    public LineTotals Add(LineTotals other) => this + other;
}
