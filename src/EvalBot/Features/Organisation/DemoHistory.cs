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
/// Two earlier quarters of confirmed reports for every demo person, scored by the rule engine under the person's
/// rule-set, with a few people below target, one failed quality check, one delay, and two remediation items.
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
                db.CheckInReports.Add(Report(person, earlier[i], ago, mine, random));
                count++;
            }
        }

        var byId = people.ToDictionary(p => p.ExternalId, StringComparer.Ordinal);
        db.RemediationItems.Add(Remediation(byId["P-005"], "Bảo đảm tiến độ dự thảo báo cáo tổng hợp; báo cáo trưởng phòng hằng tuần.", earlier[^1], current.End, "open", 30));
        db.RemediationItems.Add(Remediation(byId["P-008"], "Rà soát số liệu với báo cáo thống kê trước khi trình.", earlier[0], earlier[^1].End, "remedied", 100));
        await db.SaveChangesAsync(ct);
        return count;
    }

    private CheckInReport Report(Person person, DomainPeriod period, int ago, List<Target> targets, Random random)
    {
        var deviation = Deviations.GetValueOrDefault((person.ExternalId, ago), (DoneShare: 1m, FailedChecks: 0, Delays: 0));
        var lines = targets.Select((t, n) =>
        {
            // Most products are delivered in full; some fall a little short or late, a few exceed; the listed deviations are deliberate.
            var roll = random.Next(10);
            var share = n == 0 && deviation.DoneShare < 1m ? deviation.DoneShare : roll < 4 ? 0.8m + (0.05m * random.Next(4)) : 1m;
            var extra = share == 1m && roll == 9 && t.Quantity >= 10m ? random.Next(1, 3) : 0;
            var done = Math.Round(t.Quantity * share, MidpointRounding.AwayFromZero) + extra;
            var late = roll == 4 ? Math.Ceiling(done * 0.2m) : 0m;
            var failed = n == 0 ? deviation.FailedChecks : 0;
            var delays = n == 0 ? deviation.Delays : 0;
            return new CheckInLine
            {
                TargetId = t.Id, Done = done, QualityOk = Math.Max(0m, done - failed), OnTime = Math.Max(0m, done - delays - late),
                FailedChecks = failed, Delays = delays, Evidence = $"Hồ sơ công việc {period.Label}, mục {t.ExternalId}",
            };
        }).ToList();
        var general = Criteria.ToDictionary(c => c, _ => 6.5m + (0.5m * random.Next(0, 6)), StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(general);
        var end = new DateTimeOffset(period.End.ToDateTime(new TimeOnly(9, 0)), Vietnam);
        return new CheckInReport
        {
            PersonId = person.Id, Period = period.Label, Version = 1, IsCurrent = true, Status = CheckInStatus.Confirmed,
            GeneralJson = json, ConfirmedGeneralJson = json, CreatedAt = end.AddDays(-3), SubmittedAt = end.AddDays(-2),
            ReviewedByPersonId = person.ManagerId, ReviewedAt = end.AddDays(3),
            ReviewComment = person.ManagerId is null ? "Xác nhận theo kết luận của Chủ tịch UBND xã." : deviation == (1m, 0, 0) ? "Xác nhận kết quả." : "Xác nhận; lưu ý khắc phục hạn chế trong kỳ.",
            Score = Score(person, period, targets, lines, general.Values.Sum()),
            Lines = lines,
        };
    }

    private decimal? Score(Person person, DomainPeriod period, List<Target> targets, List<CheckInLine> lines, decimal general)
    {
        var population = Enum.Parse<Population>(person.Population, ignoreCase: true);
        var selection = RuleSetSelector.Select(population, period.Year, person.IsPartyMember, catalog);
        if ((selection.State ?? selection.Party) is not { } ruleSet) return null;
        var products = targets.Zip(lines, (t, l) => new ProductReport(
            new AssignedProduct(t.ExternalId, t.Quantity, t.ConversionFactor, t.Deadline, t.QualityRequirement), l.Done, l.QualityOk, l.OnTime, l.FailedChecks, l.Delays)).ToList();
        var report = new PeriodReport(period with { UnitId = person.Unit!.ExternalId }, WorkStatus.Worked, products, Math.Min(general, ruleSet.Scale.GeneralMax));
        return Math.Round(PeriodScorer.Score(report, ruleSet, person.IsLeader).Total, 2, MidpointRounding.AwayFromZero);
    }

    private static RemediationItemRow Remediation(Person person, string text, DomainPeriod raisedIn, DateOnly due, string status, int progress)
    {
        var raised = new DateTimeOffset(raisedIn.End.ToDateTime(new TimeOnly(10, 0)), Vietnam).AddDays(3);
        return new RemediationItemRow
        {
            PersonId = person.Id, Text = text, OwnerPersonId = person.Id, DueDate = due, Status = status, ProgressPercent = progress,
            RaisedInPeriod = raisedIn.Label, CreatedByPersonId = person.ManagerId ?? person.Id, CreatedAt = raised,
            UpdatedAt = status == "remedied" ? raised.AddDays(30) : raised,
        };
    }
}
