using EvalBot.Domain;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tests.Support;

/// <summary>Builders for test inputs, so each test states only what matters to its rule.</summary>
public static class Make
{
    public static readonly RuleSet Nd335 = Nd335Defaults.Create();
    public static readonly RuleSet Nd90 = Nd90Defaults.Create();
    public static readonly RuleSet Qd366 = Qd366Defaults.Create();

    public static RuleSet ById(string id) => RuleSetCatalog.Defaults.Find(id)!;

    public static Person Person(Population population = Population.CivilServant, bool leader = false, bool party = false, string id = "p1") =>
        new(id, population, party, "chuyên viên", leader, "U1", "G1");

    public static AssignedProduct Product(string id = "sp1", decimal quantity = 100m, decimal factor = 1m) =>
        new(id, quantity, factor, new DateOnly(2026, 12, 31), "đúng nội dung, thể thức");

    public static ProductReport Report(AssignedProduct product, decimal done, decimal? quality = null, decimal? onTime = null, int failed = 0, int delays = 0, ObjectiveCauseExemption? exemption = null) =>
        new(product, done, quality ?? done, onTime ?? done, failed, delays, exemption);

    /// <summary>A worked period whose total is exactly <paramref name="total"/> on a 30/70 scale: general = 0.3 × total, every task component = total %.</summary>
    public static PeriodReport Scored(int index, decimal total, PeriodKind kind = PeriodKind.Month, int year = 2026, string unit = "U1", string? importedFrom = null, decimal generalShare = 0.3m) =>
        new(new Period(year, kind, index, unit), WorkStatus.Worked, [Report(Product(), total)], total * generalShare, importedFrom);

    public static PeriodReport Leave(int index, WorkStatus status, PeriodKind kind = PeriodKind.Month, int year = 2026) =>
        new(new Period(year, kind, index, "U1"), status, [], 0m);

    public static IReadOnlyList<PeriodReport> Months(decimal total, int count = 12, int year = 2026) =>
        [.. Enumerable.Range(1, count).Select(i => Scored(i, total, year: year))];

    public static IReadOnlyList<PeriodReport> Quarters(decimal total, int year = 2026) =>
        [.. Enumerable.Range(1, 4).Select(i => Scored(i, total, PeriodKind.Quarter, year))];

    public static PersonYear Year(Person person, IReadOnlyList<PeriodReport> periods, int year = 2026, decimal months = 12m) =>
        new(person, year, new DateOnly(year, 12, 10), months, periods);

    public static TaskSummary Tasks(int total = 10, int completed = 10, int onTimeQuality = 10, int exceeded = 0, int late = 0, int notMeeting = 0) =>
        new(total, completed, onTimeQuality, exceeded, late, notMeeting);

    public static UnitResult Unit(decimal completed = 100m, decimal exceeded = 0m, decimal onTime = 100m, int good = 10, int complete = 0, int notComplete = 0, bool corruption = false) =>
        new(completed, exceeded, onTime,
            [.. Enumerable.Repeat(Level.Good, good), .. Enumerable.Repeat(Level.Complete, complete), .. Enumerable.Repeat(Level.NotComplete, notComplete)],
            corruption);

    public static DisciplineRecord Discipline(string violation, int year, DisciplineKind kind = DisciplineKind.Administrative, DisciplineSeverity severity = DisciplineSeverity.Reprimand, bool publicService = true) =>
        new(violation, kind, severity, new DateOnly(year, 6, 1), publicService);
}
