using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Classification;

/// <summary>The year-end compile and the deadline reminders are Quartz jobs with cron triggers, listed by <c>GET /admin/jobs</c>.</summary>
public sealed class CompileJobTests
{
    [Fact]
    public async Task The_compile_and_reminder_jobs_are_scheduled()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 0, good: 1, scheduling: true);

        var view = await host.Admin.GetFromJsonAsync<JsonObject>("/admin/jobs");

        var jobs = view!["jobs"]!.AsArray();
        var compile = jobs.Single(j => (string?)j!["name"] == "annual-compile")!;
        Assert.Equal("classification", (string?)compile["group"]);
        var next = DateTimeOffset.Parse((string)compile["triggers"]![0]!["nextFireTimeUtc"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((12, 1, 1), (next.Month, next.Day, next.Hour));
        Assert.Contains(jobs, j => (string?)j!["name"] == "deadline-reminders");
    }

    [Fact]
    public async Task Compiling_twice_changes_nothing_the_second_time()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 4);

        var first = await host.CompileAsync();
        var second = await host.CompileAsync();

        Assert.True((int)first["changed"]! > 0);
        Assert.Equal(0, (int)second["changed"]!);
        Assert.Equal(first["units"]!.ToJsonString(), second["units"]!.ToJsonString());
    }

    [Fact]
    public async Task A_compile_after_a_persons_year_changed_rewrites_their_draft_in_place_and_audits_it()
    {
        await using var host = await ClassificationHost.StartAsync(excellent: 1, good: 3);
        await host.CompileAsync();
        var person = host.People["P-01"];
        var before = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().SingleAsync(r => r.PersonId == person.Id));

        // A fourth quarter far above the first three: the year's score changes, so the draft must.
        await host.Bot.QueryAsync(async db =>
        {
            ClassificationHost.Report(db, await db.People.SingleAsync(p => p.Id == person.Id), "2026-Q4", 30);
            await db.SaveChangesAsync();
            return 0;
        });
        var second = await host.CompileAsync();

        var rows = await host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().Where(r => r.PersonId == person.Id).ToListAsync());
        var after = Assert.Single(rows);
        Assert.True((int)second["changed"]! >= 1);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.NotEqual(before.Score, after.Score);
        Assert.NotEqual(before.ExplanationJson, after.ExplanationJson);
        var audited = await host.Bot.QueryAsync(db => db.AuditLog.CountAsync(e => e.Action == "classification.compile" && e.EntityId == "P-01/2026"));
        Assert.Equal(2, audited);
    }
}
