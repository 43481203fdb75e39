using System.Net.Http.Json;
using System.Text.Json.Nodes;

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
}
