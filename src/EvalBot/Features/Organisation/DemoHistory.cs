using System.Globalization;
using System.Text.Json;
using EvalBot.Domain.Calendar;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Scoring;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using DomainPeriod = EvalBot.Domain.Records.Period;
using Person = EvalBot.Persistence.Entities.Person;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Three years of confirmed reports for every demo person (every quarter from Q1 two years back to the last one), scored by
/// the rule engine under the person's rule-set. Each person keeps a standing that tells a story across the years: a few
/// strong performers (at most one leader and a few specialists a year, within what the HTXS quota allows), Alex Wilber
/// improving year on year, two people falling short in a year, everyone else doing good work; in the last two quarters a
/// few people are below target, one has a failed quality check, one a delay, and two remediation items are recorded.
/// Figures come from a fixed seed and a fixed order, so every seed produces the same history.
/// </summary>
public sealed class DemoHistory(EvalBotDbContext db, RuleSetCatalog catalog)
{
    private static readonly string[] Criteria = ["politics", "competence", "innovation"];
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Who deviates, in which quarter (1 = the last one, 2 = the one before), and how.</summary>
    private static readonly Dictionary<(string Person, int Ago), (decimal DoneShare, int FailedChecks, int Delays)> Deviations = new()
    {
        [("P-005", 1)] = (0.5m, 0, 0),
        [("P-010", 2)] = (0.6m, 0, 0),
        [("P-022", 1)] = (0.7m, 0, 0),
        [("P-022", 2)] = (0.7m, 0, 0),
        [("P-008", 1)] = (1m, 1, 0),
        [("P-013", 2)] = (1m, 0, 1),
    };

    /// <summary>Strong performers by years ago (0 = this year): one leader and at most three specialists a year.</summary>
    private static readonly Dictionary<int, string[]> Strong = new()
    {
        [0] = ["P-006", "P-ADELE", "P-011", "P-017"],
        [1] = ["P-PATTI", "P-ADELE", "P-011", "P-020"],
        [2] = ["P-MEGAN", "P-ADELE", "P-017", "P-020"],
    };

    /// <summary>People who fall short in a year (years ago), and Alex's totals as he improves.</summary>
    private static readonly HashSet<(string Person, int YearsAgo)> Short = [("P-005", 0), ("P-022", 1), ("P-014", 2)];
    private static readonly decimal[] AlexAims = [88m, 83m, 77m];

    public async Task<int> WriteAsync(IReadOnlyList<DomainPeriod> earlier, DomainPeriod current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(current);
        var people = await db.People.Include(p => p.Unit).OrderBy(p => p.ExternalId).ToListAsync(ct);
        var labels = earlier.Select(p => p.Label).ToList();
        var targets = await db.Targets.Where(t => labels.Contains(t.Period)).OrderBy(t => t.ExternalId).ToListAsync(ct);
        var random = new Random(20260101);
        var count = 0;
        for (var i = 0; i < earlier.Count; i++)
        {
            var ago = earlier.Count - i;
            foreach (var person in people)
            {
                var mine = targets.Where(t => t.Period == earlier[i].Label && (t.PersonId == person.Id || (t.PostId is not null && t.PostId == person.PostId))).ToList();
                if (mine.Count == 0) continue;
                db.CheckInReports.Add(Report(person, earlier[i], ago, current.Year - earlier[i].Year, mine, random));
                count++;
            }
        }

        var byId = people.ToDictionary(p => p.ExternalId, StringComparer.Ordinal);
        db.RemediationItems.Add(Remediation(byId["P-005"], "Bảo đảm tiến độ dự thảo báo cáo tổng hợp; báo cáo trưởng phòng hằng tuần.", earlier[^1], current.End, RemediationItemStatus.Open, 30));
        db.RemediationItems.Add(Remediation(byId["P-008"], "Rà soát số liệu với báo cáo thống kê trước khi trình.", earlier[^2], earlier[^1].End, RemediationItemStatus.Remedied, 100));
        await db.SaveChangesAsync(ct);
        return count;
    }

    private CheckInReport Report(Person person, DomainPeriod period, int ago, int yearsAgo, List<Target> targets, Random random)
    {
        var strong = Strong.GetValueOrDefault(yearsAgo, []).Contains(person.ExternalId);
        var weak = Short.Contains((person.ExternalId, yearsAgo)) || (person.ExternalId == "P-ALEX" && yearsAgo == AlexAims.Length - 1);
        // Under Decree 90/48 (years to 2025, public employees) a year is rated by conditions on its tasks, not points: good
        // work there is every product delivered in full, on time and to quality; a strong year exceeds most of them; a
        // short year has one product late in its first quarter.
        var byConditions = RuleSetOf(person, period) is { Scale.UsesPoints: false };
        var deviation = strong ? (DoneShare: 1m, FailedChecks: 0, Delays: 0)
            : byConditions ? (DoneShare: 1m, FailedChecks: 0, Delays: weak && period.Index == 1 ? 1 : 0)
            : Deviations.GetValueOrDefault((person.ExternalId, ago), (DoneShare: 1m, FailedChecks: 0, Delays: 0));
        var lines = targets.Select((t, n) =>
        {
            // Most products are delivered in full; some fall a little short or late, a few exceed; the listed deviations are deliberate.
            var roll = random.Next(10);
            var share = strong || byConditions ? 1m : n == 0 && deviation.DoneShare < 1m ? deviation.DoneShare : roll < 4 ? 0.8m + (0.05m * random.Next(4)) : 1m;
            var extra = strong ? Math.Max(1m, Math.Ceiling(t.Quantity * 0.1m)) : share == 1m && roll == 9 && t.Quantity >= 10m && !byConditions ? random.Next(1, 3) : 0;
            var done = Math.Round(t.Quantity * share, MidpointRounding.AwayFromZero) + extra;
            var late = roll == 4 && !strong && !byConditions ? Math.Ceiling(done * 0.2m) : 0m;
            var failed = n == 0 ? deviation.FailedChecks : 0;
            var delays = n == 0 ? deviation.Delays : 0;
            return new CheckInLine
            {
                TargetId = t.Id, Done = done, QualityOk = Math.Max(0m, done - failed), OnTime = Math.Max(0m, done - delays - late),
                FailedChecks = failed, Delays = delays, Evidence = $"Hồ sơ công việc {period.Label}, mục {t.ExternalId}",
            };
        }).ToList();

        // The general criteria bring the period to the person's standing: strong people near the top, Alex on his way up,
        // those falling short low, everyone else between 80 and 87 (good work, below the HTXS band).
        var task = Score(person, period, targets, lines, 0m) ?? 0m;
        var aim = strong ? 99m + (0.5m * random.Next(3))
            : person.ExternalId == "P-ALEX" ? AlexAims[Math.Min(yearsAgo, AlexAims.Length - 1)] + (0.5m * random.Next(-2, 3))
            : weak ? 62m + random.Next(0, 6)
            : 80m + random.Next(0, 8);
        if (!byConditions && deviation != (1m, 0, 0))
        {
            aim -= 10m; // a quarter below target shows in the score
        }

        var generalTotal = Math.Clamp(aim - task, 12m, 30m);
        var each = Math.Floor(generalTotal / 3m * 2m) / 2m;
        var general = Criteria.Select((c, i) => (c, Value: Math.Min(10m, i == 0 ? generalTotal - (2 * each) : each))).ToDictionary(x => x.c, x => x.Value, StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(general);
        var end = new DateTimeOffset(period.End.ToDateTime(new TimeOnly(9, 0)), Vietnam);
        var clean = deviation == (1m, 0, 0) && !weak;
        return new CheckInReport
        {
            PersonId = person.Id, Period = period.Label, Version = 1, IsCurrent = true, Status = CheckInStatus.Confirmed,
            GeneralJson = json, ConfirmedGeneralJson = json, CreatedAt = end.AddDays(-3), SubmittedAt = end.AddDays(-2),
            ReviewedByPersonId = person.ManagerId, ReviewedAt = end.AddDays(3),
            ReviewComment = person.ManagerId is null ? "Xác nhận theo kết luận của Chủ tịch UBND xã." : clean ? "Xác nhận kết quả." : "Xác nhận; lưu ý khắc phục hạn chế trong kỳ.",
            Score = Score(person, period, targets, lines, general.Values.Sum()),
            Lines = lines,
        };
    }

    private RuleSet? RuleSetOf(Person person, DomainPeriod period)
    {
        var selection = RuleSetSelector.Select(person.Population, period.Year, person.IsPartyMember, catalog);
        return selection.State ?? selection.Party;
    }

    private decimal? Score(Person person, DomainPeriod period, List<Target> targets, List<CheckInLine> lines, decimal general)
    {
        if (RuleSetOf(person, period) is not { } ruleSet) return null;
        var products = targets.Zip(lines, (t, l) => new ProductReport(
            new AssignedProduct(t.ExternalId, t.Quantity, t.ConversionFactor, t.Deadline, t.QualityRequirement, t.Title), l.Done, l.QualityOk, l.OnTime, l.FailedChecks, l.Delays)).ToList();
        var report = new PeriodReport(period with { UnitId = person.Unit!.ExternalId }, WorkStatus.Worked, products, Math.Min(general, ruleSet.Scale.GeneralMax));
        return Math.Round(PeriodScorer.Score(report, ruleSet, person.IsLeader).Total, 2, MidpointRounding.AwayFromZero);
    }

    private static RemediationItemRow Remediation(Person person, string text, DomainPeriod raisedIn, DateOnly due, RemediationItemStatus status, int progress)
    {
        var raised = new DateTimeOffset(raisedIn.End.ToDateTime(new TimeOnly(10, 0)), Vietnam).AddDays(3);
        return new RemediationItemRow
        {
            PersonId = person.Id, Text = text, OwnerPersonId = person.Id, DueDate = due, Status = status, ProgressPercent = progress,
            RaisedInPeriod = raisedIn.Label, CreatedByPersonId = person.ManagerId ?? person.Id, CreatedAt = raised,
            UpdatedAt = status == RemediationItemStatus.Remedied ? raised.AddDays(30) : raised,
        };
    }
}
