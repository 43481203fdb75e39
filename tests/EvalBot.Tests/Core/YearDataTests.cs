using EvalBot.Core;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Core;

/// <summary>
/// The year of some units (the unit summary, the compile's slices) reads exactly what the whole register's year reads
/// for the same people: the current confirmed or adjusted reports of the year, each with all its lines in order, and
/// the year's targets those lines refer to.
/// </summary>
public sealed class YearDataTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"evalbot-yeardata-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_year_of_some_units_holds_what_the_whole_year_holds_for_their_people_on_SQLite()
    {
        await using var db = new SqliteEvalBotDbContext(new DbContextOptionsBuilder<SqliteEvalBotDbContext>()
            .UseSqlite($"Data Source={_file};Pooling=False", o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(new SqliteConnectionSetup())
            .Options);
        await db.Database.MigrateAsync();

        await YearDataCase.AssertSameAsync(db);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}

/// <summary>The same on PostgreSQL, where several instances compile.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class YearDataOnPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task The_year_of_some_units_holds_what_the_whole_year_holds_for_their_people_on_PostgreSQL()
    {
        await using var db = new PostgresEvalBotDbContext(new DbContextOptionsBuilder<PostgresEvalBotDbContext>().UseNpgsql(postgres.ConnectionString).Options);
        await db.Database.MigrateAsync();

        await YearDataCase.AssertSameAsync(db);
    }
}

internal static class YearDataCase
{
    /// <summary>
    /// Two units; in the first, a person with two confirmed quarters (one line of the second quarter refers to a target
    /// of another year, one report has no line), an older version, a draft and last year's report; a second person
    /// with an adjusted report; in the other unit, someone whose report must not be read.
    /// </summary>
    public static async Task AssertSameAsync(EvalBotDbContext db)
    {
        var first = new Unit { ExternalId = "U1", Name = "One" };
        var second = new Unit { ExternalId = "U2", Name = "Two" };
        db.Units.AddRange(first, second);
        await db.SaveChangesAsync();
        var anna = Person("P1", first);
        var binh = Person("P2", first);
        var chi = Person("P3", second);
        db.People.AddRange(anna, binh, chi);
        await db.SaveChangesAsync();
        var t1 = Target("T1", "2026-Q1", anna, 10m, 1.5m);
        var t2 = Target("T2", "2026-Q2", anna, 4m, 1m);
        var old = Target("T0", "2025-Q4", anna, 3m, 1m);
        var t3 = Target("T3", "2026-Q1", binh, 7m, 2m);
        var t4 = Target("T4", "2026-Q1", chi, 1m, 1m);
        db.Targets.AddRange(t1, t2, old, t3, t4);
        await db.SaveChangesAsync();
        db.CheckInReports.AddRange(
            Report(anna, "2026-Q1", CheckInStatus.Confirmed, Line(t1, 11m, 2, objective: true), Line(t2, 3m, 0)),
            Report(anna, "2026-Q2", CheckInStatus.Confirmed, Line(t2, 4m, 1), Line(old, 3m, 0)),
            Report(anna, "2026-Q3", CheckInStatus.Confirmed),
            Report(anna, "2026-Q4", CheckInStatus.Draft, Line(t2, 1m, 0)),
            Report(anna, "2025-Q4", CheckInStatus.Confirmed, Line(old, 3m, 0)),
            Superseded(Report(binh, "2026-Q1", CheckInStatus.Confirmed, Line(t3, 1m, 0))),
            Version(2, Report(binh, "2026-Q1", CheckInStatus.Adjusted, Line(t3, 6.25m, 3))),
            Report(chi, "2026-Q1", CheckInStatus.Confirmed, Line(t4, 1m, 0)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var whole = await YearData.LoadAsync(db, 2026, CancellationToken.None);
        var some = await YearData.LoadAsync(db, 2026, [first.Id], CancellationToken.None);

        Assert.Equal([anna.Id, binh.Id], some.People.Select(p => p.Id));
        Assert.Empty(some.Reports[chi.Id]);
        foreach (var person in new[] { anna.Id, binh.Id })
        {
            Assert.Equal(Shape(whole.Reports[person], whole.Targets), Shape(some.Reports[person], some.Targets));
        }

        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3"], some.Reports[anna.Id].Select(r => r.Period).Order(StringComparer.Ordinal));
        Assert.Equal(6.25m, some.Reports[binh.Id].Single().Lines.Single().Done);
        var secondQuarter = some.Reports[anna.Id].Single(r => r.Period == "2026-Q2");
        Assert.Equal([t2.Id, old.Id], secondQuarter.Lines.Select(l => l.TargetId));
        Assert.False(some.Targets.ContainsKey(old.Id));
        Assert.Equal(new[] { t1.Id, t2.Id, t3.Id }.Order(), some.Targets.Keys.Order());
        Assert.Equal((1.5m, "T1", "đạt yêu cầu"), (some.Targets[t1.Id].ConversionFactor, some.Targets[t1.Id].ExternalId, some.Targets[t1.Id].QualityRequirement));
    }

    /// <summary>What the rules read of a person's reports and their targets, in a comparable form.</summary>
    private static List<string> Shape(IEnumerable<CheckInReport> reports, IReadOnlyDictionary<long, Target> targets) =>
        [.. reports.OrderBy(r => r.Id).Select(r => string.Join(" | ",
            new[] { $"{r.Id} {r.PersonId} {r.Period} v{r.Version} {r.Status} {r.GeneralJson} {r.ConfirmedGeneralJson}" }
            .Concat(r.Lines.Select(l => string.Join(' ', l.Id, l.TargetId, l.Done, l.QualityOk, l.OnTime, l.FailedChecks, l.Delays, l.ObjectiveCause,
                l.ObjectiveCauseApprover, l.ObjectiveCauseDocument,
                targets.TryGetValue(l.TargetId, out var t) ? $"{t.ExternalId} {t.PersonId} {t.Quantity} {t.ConversionFactor} {t.Deadline:O} {t.QualityRequirement}" : "-")))))];

    private static Person Person(string id, Unit unit) => new() { ExternalId = id, FullName = id, UnitId = unit.Id, Population = Population.CivilServant };

    private static Target Target(string id, string period, Person person, decimal quantity, decimal factor) => new()
    {
        ExternalId = id,
        Period = period,
        PersonId = person.Id,
        Title = "Sản phẩm " + id,
        UnitOfMeasure = "hồ sơ",
        Quantity = quantity,
        ConversionFactor = factor,
        Deadline = new DateOnly(2026, 3, 31),
        QualityRequirement = "đạt yêu cầu",
    };

    private static CheckInReport Report(Person person, string period, CheckInStatus status, params CheckInLine[] lines) => new()
    {
        PersonId = person.Id,
        Period = period,
        Version = 1,
        Status = status,
        GeneralJson = """{"g1":8}""",
        ConfirmedGeneralJson = status == CheckInStatus.Adjusted ? """{"g1":7.5}""" : null,
        Lines = [.. lines],
    };

    private static CheckInReport Superseded(CheckInReport report)
    {
        report.IsCurrent = false;
        return report;
    }

    private static CheckInReport Version(int version, CheckInReport report)
    {
        report.Version = version;
        return report;
    }

    private static CheckInLine Line(Target target, decimal done, int delays, bool objective = false) => new()
    {
        TargetId = target.Id,
        Done = done,
        QualityOk = done,
        OnTime = done - 1m,
        Delays = delays,
        FailedChecks = delays > 1 ? 1 : 0,
        ObjectiveCause = objective,
        ObjectiveCauseApprover = objective ? "Trưởng phòng" : null,
        ObjectiveCauseDocument = objective ? "CV-12" : null,
    };
}
