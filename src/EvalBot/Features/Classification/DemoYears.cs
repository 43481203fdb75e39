using EvalBot.Auditing;
using EvalBot.Domain;
using EvalBot.Persistence;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Features.Classification;

/// <summary>
/// Gives the demo organisation the decided years a real office would have: right after the demo is seeded (an empty
/// database, <c>EvalBot:SeedDemo=true</c>, never in Production), each of the two years before the current one is compiled
/// from its confirmed quarters by the same compiler as the year-end job, and decided as the heads and the competent level
/// did then: a case the rules leave to the authority gets the level of its score, anyone over the HTXS quota is demoted,
/// every row is sealed into the hash chain and dated 20 December of its year. Nobody is messaged about it.
/// </summary>
public sealed partial class DemoYears(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, TimeProvider time, OrganisationClock clock, ILogger<DemoYears> logger) : IHostedService
{
    /// <summary>Whole years decided before the current one.</summary>
    public const int PastYears = 2;

    public const string AuthorityReason = "Cấp có thẩm quyền quyết định khi đánh giá cuối năm";
    public const string QuotaReason = "Vượt tỷ lệ 20% Hoàn thành xuất sắc nhiệm vụ";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("EvalBot:SeedDemo") || environment.IsProduction())
        {
            return;
        }

        await DecideAsync(cancellationToken);
    }

    /// <summary>Decides the past years when the demo was seeded and they are not compiled yet; returns how many rows were decided.</summary>
    public async Task<int> DecideAsync(CancellationToken ct)
    {
        var year = clock.Year(time.GetUtcNow());
        var decided = 0;
        for (var y = year - PastYears; y < year; y++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvalBotDbContext>();
            if (!await db.AuditLog.AnyAsync(a => a.Action == "demo.seed", ct) || await db.Set<ClassificationRecord>().AnyAsync(r => r.Year == y, ct))
            {
                continue;
            }

            decided += await DecideYearAsync(scope.ServiceProvider, db, y, ct);
        }

        if (decided > 0)
        {
            LogDecided(logger, decided, year - PastYears, year - 1);
        }

        return decided;
    }

    private static async Task<int> DecideYearAsync(IServiceProvider services, EvalBotDbContext db, int year, CancellationToken ct)
    {
        await services.GetRequiredService<AnnualCompiler>().CompileDraftsOnlyAsync(year, AuditLog.SystemActor, ct);
        var rows = await services.GetRequiredService<ClassificationStore>().CurrentAsync(year, ct);
        foreach (var row in rows.Where(r => r.Outcome.NeedsDecision()))
        {
            row.Level = row.Score switch { null or >= 70m => (int)Level.Good, >= 50m => (int)Level.Complete, _ => (int)Level.NotComplete };
            row.Outcome = ClassificationOutcome.Rated;
            row.Reason = AuthorityReason;
        }

        var quotas = await services.GetRequiredService<QuotaReview>().ForAgenciesAsync([.. rows.Select(r => r.AgencyUnitId).Distinct()], rows, year, ct);
        var over = quotas.Values.SelectMany(q => q.Excess).Select(c => c.PersonId).ToHashSet(StringComparer.Ordinal);
        var deciders = await db.People.AsNoTracking().Where(p => p.AadObjectId != null).ToDictionaryAsync(p => p.Id, p => p.AadObjectId!, ct);
        var at = services.GetRequiredService<OrganisationClock>().At(new DateOnly(year, 12, 20), new TimeOnly(9, 0));
        await ReviewStepsAsync(db, rows, year, services.GetRequiredService<OrganisationClock>(), ct);
        var chain = services.GetRequiredService<HashChain>();
        var audit = services.GetRequiredService<AuditLog>();
        foreach (var row in rows)
        {
            if (over.Contains(AgencyQuota.Key(row.PersonId)) && row.Level == (int)Level.Excellent)
            {
                row.Level = (int)Level.Good;
                row.Reason = QuotaReason;
            }

            row.State = ClassificationState.Decided;
            row.DecidedAt = at;
            row.DecidedBy = row.DeciderPersonId is { } d && deciders.TryGetValue(d, out var aad) ? aad : AuditLog.SystemActor;
            await chain.SealAsync(row, ct);
            audit.Record(AuditLog.SystemActor, "classification.decide", "classification", $"{row.PersonId}/{year}", new { level = row.Level, score = row.Score, demo = true, hash = row.Hash });
        }

        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>
    /// The steps the office took before deciding (rule 23): every person's self-assessment on 5 December, each unit's meeting
    /// chaired by its head with the minutes approved on 10 December, a leader's party-committee comment on 12 December and
    /// the advisory proposal on 15 December.
    /// </summary>
    private static async Task ReviewStepsAsync(EvalBotDbContext db, List<ClassificationRecord> rows, int year, OrganisationClock clock, CancellationToken ct)
    {
        DateTimeOffset On(int day) => clock.At(new DateOnly(year, 12, day), new TimeOnly(9, 0));
        var ids = rows.Select(r => r.PersonId).ToHashSet();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.IsLeader }).ToListAsync(ct);
        foreach (var p in people)
        {
            db.ReviewSelfAssessments.Add(new ReviewSelfAssessment { PersonId = p.Id, Year = year, Strengths = DemoStrengths, Shortcomings = DemoShortcomings, SelfCriticism = DemoShortcomings, SubmittedAt = On(5) });
            if (!p.IsLeader) continue;
            db.ReviewOpinions.Add(new ReviewOpinion { PersonId = p.Id, Year = year, Kind = ReviewOpinionKind.PartyCommittee, Text = "Đồng ý với kết quả tự đánh giá", RecordedAt = On(12) });
            db.ReviewOpinions.Add(new ReviewOpinion { PersonId = p.Id, Year = year, Kind = ReviewOpinionKind.AdvisoryProposal, Text = "Đề nghị xếp loại theo kết quả tổng hợp", RecordedAt = On(15) });
        }

        var units = rows.Select(r => r.UnitId).Distinct().ToList();
        foreach (var unit in await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToListAsync(ct))
        {
            db.ReviewMeetings.Add(new ReviewMeeting { UnitId = unit.Id, Year = year, ChairPersonId = unit.HeadPersonId ?? 0, OpenedAt = On(10), ApprovedAt = On(10).AddHours(2) });
        }
    }

    private const string DemoStrengths = "Hoàn thành các nhiệm vụ được giao đúng tiến độ";
    private const string DemoShortcomings = "Cần chủ động hơn trong tham mưu";

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Demo: {Rows} classifications decided for {From}–{To}")]
    private static partial void LogDecided(ILogger logger, int rows, int from, int to);
}
