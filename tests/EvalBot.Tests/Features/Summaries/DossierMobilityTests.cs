using EvalBot.Persistence.Entities;
using EvalBot.Tests.Features.Party;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Summaries;

/// <summary>
/// Rule 40: the dossier says whether the person may change job position now, which needs the year before decided at
/// HTT or better (Decree 170); a year without a decided level leaves it unknown.
/// </summary>
public sealed class DossierMobilityTests
{
    [Fact]
    public async Task Rule40_the_dossier_says_a_change_of_job_position_needs_the_year_before_rated_HTT_or_better()
    {
        await using var host = await PartyHost.StartAsync(); // 10 December 2026: the year before is 2025
        await host.Inner.Bot.QueryAsync(async db =>
        {
            foreach (var (person, level) in new[] { ("P-01", Domain.Level.Good), ("P-02", Domain.Level.Complete) })
            {
                var who = await db.People.SingleAsync(p => p.ExternalId == person);
                db.Set<ClassificationRecord>().Add(new ClassificationRecord
                {
                    PersonId = who.Id, Year = 2025, State = ClassificationState.Decided, UnitId = who.UnitId, AgencyUnitId = who.UnitId, Level = (int)level,
                    RuleSetId = "ND335", RuleSetVersion = "1", CompiledAt = DateTimeOffset.UnixEpoch, DecidedAt = DateTimeOffset.UnixEpoch, DecidedBy = "aad-top",
                });
            }

            return await db.SaveChangesAsync();
        });

        var good = await host.AskAsync("aad-head", "hồ sơ nhan vien b");
        var complete = await host.AskAsync("aad-head", "hồ sơ nhan vien c");
        var unknown = await host.AskAsync("aad-head", "hồ sơ trưởng phòng head");
        var english = await host.AskAsync("aad-head", "dossier nhan vien c", "en-US");

        Assert.Contains("Đủ điều kiện: năm 2025 xếp loại Hoàn thành tốt nhiệm vụ", good, StringComparison.Ordinal);
        Assert.Contains("Chưa đủ điều kiện: năm 2025 xếp loại Hoàn thành nhiệm vụ, cần từ Hoàn thành tốt nhiệm vụ trở lên", complete, StringComparison.Ordinal);
        Assert.Contains("Chưa xác định: năm 2025 chưa có kết quả xếp loại đã quyết định", unknown, StringComparison.Ordinal);
        Assert.Contains("Not eligible: rated ", english, StringComparison.Ordinal);
    }
}
