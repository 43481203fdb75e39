using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// What the compile reads beyond the year: violations an earlier year's decided KHT counted (rule 12, kept across years)
/// and the old unit's period scores after a transfer (rule 20 under Decree 335).
/// </summary>
public sealed class EarlierYearsCompileTests : IAsyncLifetime
{
    private const string Discipline = "discipline_id,person_id,violation,decision_date,track,sanction,counted_year\n";
    private ClassificationHost _host = null!;

    /// <summary>The team is an agency, so its head decides its staff's list.</summary>
    public async Task InitializeAsync() => _host = await ClassificationHost.StartAsync(excellent: 0, good: 4, teamIsAgency: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task ImportAsync(string kind, string csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await _host.Admin.PostAsync($"/admin/org/import?kind={kind}", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<ClassificationRecord> RowAsync(string person, int year = ClassificationHost.Year)
    {
        var id = _host.People[person].Id;
        return await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking()
            .Where(r => r.PersonId == id && r.Year == year).OrderByDescending(r => r.Version).FirstAsync());
    }

    private Task<int> PublicEmployeesAsync() => _host.Bot.QueryAsync(db => db.People.Where(p => p.ExternalId.StartsWith("P-0"))
        .ExecuteUpdateAsync(u => u.SetProperty(p => p.Population, Population.PublicEmployee)));

    [Fact]
    public async Task Rule12_a_violation_counted_by_the_decided_KHT_of_an_earlier_year_does_not_force_KHT_again_and_another_violation_does()
    {
        await PublicEmployeesAsync();
        // In 2025 the head's whole list is KHT by a sanction each (so it can be approved at once), P-00's for the act V-1.
        await ImportAsync("discipline", Discipline + "D1,P-00,V-1,2025-10-01,party,reprimand,\nD91,P-01,V-91,2025-10-01,party,reprimand,\n"
            + "D92,P-02,V-92,2025-10-01,party,reprimand,\nD93,P-03,V-93,2025-10-01,party,reprimand,\n");
        using (var compiled = await _host.Admin.PostAsync("/admin/years/2025/compile", null)) compiled.EnsureSuccessStatusCode();
        await _host.InvokeAsync("classification.approve", new JsonObject { ["year"] = "2025", ["list"] = "own" }, "aad-head");
        var decided = await RowAsync("P-00", 2025);
        Assert.Equal((ClassificationState.Decided, (int)Domain.Level.NotComplete), (decided.State, decided.Level));
        // The 2025 sanction leaves the register (its decision is kept by the decided result only); 2026 brings the
        // administrative sanction for the same act, and one for another act.
        await _host.Bot.QueryAsync(db => db.Disciplines.ExecuteDeleteAsync());
        await ImportAsync("discipline", Discipline + "D2,P-00,V-1,2026-03-01,administrative,reprimand,\nD3,P-01,V-2,2026-03-01,administrative,reprimand,\n");

        await _host.CompileAsync();

        var p00 = await RowAsync("P-00");
        Assert.NotEqual((int)Domain.Level.NotComplete, p00.Level);
        Assert.Contains("R12.no-double-count", p00.ExplanationJson, StringComparison.Ordinal);
        Assert.Equal((int)Domain.Level.NotComplete, (await RowAsync("P-01")).Level);
    }

    [Fact]
    public async Task Rule12_a_draft_of_an_earlier_year_does_not_count_a_violation()
    {
        await PublicEmployeesAsync();
        await ImportAsync("discipline", Discipline + "D1,P-00,V-1,2025-10-01,party,reprimand,\n");
        using (var compiled = await _host.Admin.PostAsync("/admin/years/2025/compile", null)) compiled.EnsureSuccessStatusCode();
        await _host.Bot.QueryAsync(db => db.Disciplines.Where(d => d.ExternalId == "D1").ExecuteDeleteAsync());
        await ImportAsync("discipline", Discipline + "D2,P-00,V-1,2026-03-01,administrative,reprimand,\n");

        await _host.CompileAsync();

        Assert.Equal((int)Domain.Level.NotComplete, (await RowAsync("P-00")).Level);
    }

    [Fact]
    public async Task Rule12_the_discipline_column_counted_year_says_a_violation_was_counted_before_EvalBot()
    {
        await PublicEmployeesAsync();
        await ImportAsync("discipline", Discipline + "D2,P-00,V-1,2026-03-01,administrative,reprimand,2024\nD3,P-01,V-2,2026-03-01,administrative,reprimand,\n");

        await _host.CompileAsync();

        Assert.NotEqual((int)Domain.Level.NotComplete, (await RowAsync("P-00")).Level);
        Assert.Equal((int)Domain.Level.NotComplete, (await RowAsync("P-01")).Level);
    }

    [Fact]
    public async Task Rule20_under_decree_335_the_old_units_scores_are_averaged_and_a_missing_period_flags_the_person()
    {
        // P-00 and P-01 moved to the team on 1 July; P-00's first half-year was scored by the old unit, not here.
        await ImportAsync("transfers", "transfer_id,person_id,from_unit_id,to_unit_id,date\nX1,P-00,SO-TC,TEAM,2026-07-01\nX2,P-01,SO-TC,TEAM,2026-07-01\n");
        var p00 = _host.People["P-00"].Id;
        await _host.Bot.QueryAsync(db => db.CheckInReports.Where(r => r.PersonId == p00 && (r.Period == "2026-Q1" || r.Period == "2026-Q2")).ExecuteDeleteAsync());
        await ImportAsync("diem_don_vi_cu", "ma_can_bo,ky,diem,ma_don_vi_cu,diem_tieu_chi_chung\nP-00,2026-Q1,60,SO-TC,20\n");

        await _host.CompileAsync();

        var flagged = await RowAsync("P-00");
        Assert.Equal((ClassificationOutcome.NeedsAuthorityDecision, null, null), (flagged.Outcome, flagged.Level, flagged.Score));
        Assert.Contains("R20.old-unit-scores-missing", flagged.ExplanationJson, StringComparison.Ordinal);
        Assert.Contains("2026-Q2", flagged.ExplanationJson, StringComparison.Ordinal);
        Assert.Equal(79m, (await RowAsync("P-01")).Score);

        await ImportAsync("prior_scores", "person_id,period,score,from_unit_id\nP-00,2026-Q2,60,SO-TC\n");
        await _host.CompileAsync();

        var rated = await RowAsync("P-00");
        Assert.Equal(ClassificationOutcome.Rated, rated.Outcome);
        Assert.Equal(Math.Round((60m + 60m + 79m) / 3m, 2), rated.Score);
        Assert.Equal((int)Domain.Level.Complete, rated.Level);
        Assert.Contains("R20.old-unit-score", rated.ExplanationJson, StringComparison.Ordinal);
    }
}
