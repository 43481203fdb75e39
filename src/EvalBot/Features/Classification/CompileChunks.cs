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
    private readonly ScoreSheetBook _sheets;
    private IReadOnlySet<long> _oldUnitComments = new HashSet<long>();

    private CompileChunks(EvalBotDbContext db, int year, IReadOnlyList<Person> people, IReadOnlyDictionary<long, Unit> units, YearData.PersonRecords records, ScoreSheetBook sheets)
    {
        _db = db;
        _sheets = sheets;
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
        return new CompileChunks(db, year, people, units, await YearData.PersonRecords.LoadAsync(db, year, null, ct), await ScoreSheetBook.LoadAsync(db, ct))
        {
            _oldUnitComments = await YearData.OldUnitCommentsAsync(db, year, ct),
        };
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
        var (reports, targets) = await YearData.ReportsAndTargetsAsync(reader, ids, _prefix, ct);
        return new YearData(Year, people, Units, targets, reports.ToLookup(r => r.PersonId),
            _records.Leaves, _records.Disciplines, _records.Findings, _records.Transfers, _records.Votes, _records.Remediation)
        {
            Sheets = _sheets,
            PriorScores = _records.PriorScores,
            CountedBefore = _records.CountedBefore,
            OldUnitComments = _oldUnitComments,
        };
    }
}
