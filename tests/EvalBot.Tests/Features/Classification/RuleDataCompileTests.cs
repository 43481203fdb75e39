using System.Net.Http.Headers;
using System.Text;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Classification;

/// <summary>The imported hire dates and discipline flags reach the rules when the year is compiled.</summary>
public sealed class RuleDataCompileTests : IAsyncLifetime
{
    private const string Discipline = "discipline_id,person_id,violation,decision_date,track,sanction,public_service\n";
    private ClassificationHost _host = null!;

    public async Task InitializeAsync() => _host = await ClassificationHost.StartAsync(excellent: 0, good: 4);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task ImportAsync(string csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await _host.Admin.PostAsync("/admin/org/import?kind=discipline", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<ClassificationRecord> RowAsync(string person)
    {
        var id = _host.People[person].Id;
        return await _host.Bot.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().SingleAsync(r => r.PersonId == id && r.Year == ClassificationHost.Year));
    }

    [Fact]
    public async Task Rule18_a_public_employee_hired_in_August_is_not_rated_and_one_without_dates_is()
    {
        await _host.Bot.QueryAsync(db => db.People.Where(p => p.ExternalId == "P-00" || p.ExternalId == "P-01")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Population, Population.PublicEmployee)
                .SetProperty(p => p.HiredOn, p => p.ExternalId == "P-00" ? new DateOnly(2026, 8, 1) : null)));

        await _host.CompileAsync();

        Assert.Equal(ClassificationOutcome.NotRated, (await RowAsync("P-00")).Outcome);
        Assert.NotEqual(ClassificationOutcome.NotRated, (await RowAsync("P-01")).Outcome);
    }

    [Fact]
    public async Task Rule10_under_decree_335_only_a_public_service_violation_forces_KHT()
    {
        await ImportAsync(Discipline + "D1,P-00,V-1,2026-04-10,administrative,reprimand,no\nD2,P-01,V-2,2026-04-10,administrative,reprimand,yes\nD3,P-02,V-3,2026-04-10,administrative,reprimand,\n");

        await _host.CompileAsync();

        Assert.NotEqual((int)Domain.Level.NotComplete, (await RowAsync("P-00")).Level);
        Assert.Equal((int)Domain.Level.NotComplete, (await RowAsync("P-01")).Level);
        Assert.Equal((int)Domain.Level.NotComplete, (await RowAsync("P-02")).Level);
    }

    [Fact]
    public async Task Rule12_under_decree_90_48_a_violation_already_sanctioned_in_an_earlier_year_does_not_force_KHT_again()
    {
        await _host.Bot.QueryAsync(db => db.People.Where(p => p.ExternalId == "P-00" || p.ExternalId == "P-01")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Population, Population.PublicEmployee)));
        await ImportAsync(Discipline + "D1,P-00,V-1,2025-10-01,party,reprimand,\nD2,P-00,V-1,2026-03-01,administrative,reprimand,\nD3,P-01,V-2,2026-03-01,administrative,reprimand,\n");

        await _host.CompileAsync();

        Assert.NotEqual((int)Domain.Level.NotComplete, (await RowAsync("P-00")).Level);
        Assert.Equal((int)Domain.Level.NotComplete, (await RowAsync("P-01")).Level);
    }
}
