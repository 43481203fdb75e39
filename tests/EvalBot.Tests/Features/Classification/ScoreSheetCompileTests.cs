using EvalBot.Persistence.Entities;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Classification;

/// <summary>The compile sums a person's general score over their score sheet's general criteria; without a sheet, over the default ones.</summary>
public sealed class ScoreSheetCompileTests
{
    /// <summary>
    /// A host on 10 December 2026 with two staff at 79 points a quarter (default criteria, 3 points each); P-00 then holds
    /// the post CV, whose sheet has the criteria ethics (12), skill (10), creativity (8), and reported 11, 9 and 7.5 on
    /// them each quarter, beside 3 points on the default criterion "politics" that the sheet does not have.
    /// </summary>
    public static async Task<ClassificationHost> StartWithSheetAsync()
    {
        var time = new ShiftedTimeProvider(new DateTimeOffset(2026, 12, 10, 3, 0, 0, TimeSpan.Zero));
        var host = await ClassificationHost.StartAsync(excellent: 0, good: 2, services: s => s.AddSingleton<TimeProvider>(time));
        await host.Bot.QueryAsync(async db =>
        {
            var post = new Post { ExternalId = "CV", Name = "Chuyên viên" };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            var person = await db.People.SingleAsync(p => p.ExternalId == "P-00");
            person.PostId = post.Id;
            TestSheets.StaffSheet(db, post);
            const string json = """{"ethics":11,"skill":9,"creativity":7.5,"politics":3}""";
            foreach (var report in await db.CheckInReports.Where(r => r.PersonId == person.Id).ToListAsync())
            {
                report.GeneralJson = json;
                report.ConfirmedGeneralJson = json;
            }

            return await db.SaveChangesAsync();
        });
        return host;
    }

    [Fact]
    public async Task The_general_score_is_the_sum_over_the_persons_sheet_and_the_default_criteria_stay_for_everyone_else()
    {
        await using var host = await StartWithSheetAsync();

        await host.CompileAsync();

        var scores = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().Where(r => r.Year == ClassificationHost.Year)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { p.ExternalId, r.Score }).ToDictionaryAsync(x => x.ExternalId, x => x.Score));
        Assert.Equal(70m + 11m + 9m + 7.5m, scores["P-00"]);
        Assert.Equal(79m, scores["P-01"]);
    }
}
