using EvalBot.Features.Organisation;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Organisation;

public sealed class DemoSeedTests : IDisposable
{
    private static readonly DateTimeOffset SeedTime = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly ImportHost _host = Seeded();

    public void Dispose() => _host.Dispose();

    private static ImportHost Seeded() => new(
        new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true" },
        s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(SeedTime)));

    [Fact]
    public async Task Seeds_about_thirty_people_in_three_units_under_one_agency()
    {
        var units = await _host.QueryAsync(db => db.Units.ToListAsync());
        var agency = Assert.Single(units, u => u.IsAgency);
        Assert.Equal("Văn phòng UBND xã Demo", agency.Name);
        Assert.Equal(["Phòng Kinh tế", "Phòng Tổng hợp", "Phòng Văn hóa – Xã hội"], units.Where(u => u.ParentId == agency.Id).Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.All(units, u => Assert.NotNull(u.HeadPersonId));
        var people = await _host.QueryAsync(db => db.People.ToListAsync());
        Assert.InRange(people.Count, 28, 32);
        Assert.Contains(people, p => p.Population == Population.PublicEmployee);
        Assert.True(people.Count(p => p.Population == Population.CivilServant) > people.Count / 2);
        Assert.Contains(people, p => p.IsPartyMember);
        Assert.Equal(2, await _host.QueryAsync(db => db.TaskGroups.CountAsync()));
    }

    [Fact]
    public async Task Score_sheets_are_seeded_for_the_leader_and_staff_posts_and_every_leader_scores_the_leader_criteria()
    {
        var criteria = await _host.QueryAsync(db => db.ScoreSheetCriteria.ToListAsync());
        var people = await _host.QueryAsync(db => db.People.ToListAsync());
        var units = await _host.QueryAsync(db => db.Units.ToDictionaryAsync(u => u.Id));
        var book = await _host.QueryAsync(db => EvalBot.Core.ScoreSheetBook.LoadAsync(db, CancellationToken.None));
        var tree = new EvalBot.Core.OrgTree(units);

        Assert.Equal(["BD-CQ", "BD-CVTH", "BD-LD", "BD-TP"], criteria.Select(c => c.SheetExternalId).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("BD-TP", book.For(people.Single(p => p.ExternalId == "P-MEGAN"), tree)!.Id);
        Assert.Equal("BD-CVTH", book.For(people.Single(p => p.ExternalId == "P-ALEX"), tree)!.Id);
        Assert.Equal("BD-CQ", book.For(people.Single(p => p.ExternalId == "P-ISAIAH"), tree)!.Id);
        Assert.All(people.Where(p => p.IsLeader), p => Assert.Equal(
            [ScoreSheetGroups.UnitResults, ScoreSheetGroups.Organisation],
            book.For(p, tree)!.Criteria.Where(c => c.LeaderComponent is not null).Select(c => c.LeaderComponent!)));
    }

    [Fact]
    public async Task The_playground_users_are_people_with_their_roles()
    {
        var people = await _host.QueryAsync(db => db.People.Where(p => p.AadObjectId != null && p.AadObjectId.StartsWith("00000000-0000-0000-0000-00000000000")).ToDictionaryAsync(p => p.AadObjectId!));
        Person Get(string suffix) => people["00000000-0000-0000-0000-00000000000" + suffix];
        Assert.Equal("Alex Wilber", Get("20").FullName);
        var megan = Get("21");
        Assert.Equal("Megan Bowen", megan.FullName);
        Assert.All(new[] { Get("20"), Get("22"), Get("23") }, p => Assert.Equal(megan.Id, p.ManagerId));
        var units = await _host.QueryAsync(db => db.Units.ToListAsync());
        Assert.Equal(megan.Id, units.Single(u => u.Name == "Phòng Tổng hợp").HeadPersonId);
        Assert.True(megan.IsLeader);
        var patti = Get("24");
        Assert.Equal(patti.Id, units.Single(u => u.IsAgency).HeadPersonId);
        Assert.True(Get("25").IsOrganisationBoard);
        Assert.Equal("Lynne Robbins", Get("25").FullName);
    }

    private static readonly string[] History =
        ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"];

    [Fact]
    public async Task Targets_cover_every_quarter_of_three_years_up_to_the_current_one()
    {
        var periods = await _host.QueryAsync(db => db.Targets.Select(t => t.Period).Distinct().OrderBy(p => p).ToListAsync());

        Assert.Equal([.. History, "2026-Q4"], periods);
    }

    [Fact]
    public async Task Three_years_of_quarters_are_confirmed_by_the_leader_with_scores()
    {
        var reports = await _host.QueryAsync(db => db.CheckInReports.Include(r => r.Lines).ToListAsync());
        var people = await _host.QueryAsync(db => db.People.ToDictionaryAsync(p => p.Id));

        Assert.Equal(History, reports.Select(r => r.Period).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(people.Count * History.Length, reports.Count);
        Assert.All(reports, r =>
        {
            Assert.Equal(CheckInStatus.Confirmed, r.Status);
            Assert.Equal(people[r.PersonId].ManagerId, r.ReviewedByPersonId);
            Assert.NotEmpty(r.Lines);
            Assert.InRange(r.Score!.Value, 50m, 100m);
        });
        decimal ScoreOf(string person, string period) => reports.Single(r => r.Period == period && people[r.PersonId].ExternalId == person).Score!.Value;
        Assert.True(ScoreOf("P-005", "2026-Q3") < ScoreOf("P-005", "2026-Q2"));
        Assert.Contains(reports.Where(r => people[r.PersonId].ExternalId == "P-008").SelectMany(r => r.Lines), l => l.FailedChecks == 1);
    }

    [Fact]
    public async Task The_two_past_years_are_decided_within_the_quota_sealed_and_tell_a_story()
    {
        var rows = await _host.QueryAsync(db => db.Set<ClassificationRecord>().AsNoTracking().ToListAsync());
        var people = await _host.QueryAsync(db => db.People.ToDictionaryAsync(p => p.Id, p => p.ExternalId));
        using var scope = _host.Factory.Services.CreateScope();
        var chain = scope.ServiceProvider.GetRequiredService<EvalBot.Features.Classification.HashChain>();

        foreach (var year in new[] { 2024, 2025 })
        {
            var ofYear = rows.Where(r => r.Year == year).ToList();
            Assert.Equal(people.Count, ofYear.Count);
            Assert.All(ofYear, r => Assert.Equal(ClassificationState.Decided, r.State));
            Assert.All(ofYear, r => Assert.NotNull(r.Level));
            Assert.DoesNotContain(ofYear, r => r.Reason == EvalBot.Features.Classification.DemoYears.QuotaReason);
            // A few HTXS, most HTT, at least one year short of it: a commune office, not a list of stars.
            Assert.InRange(ofYear.Count(r => r.Level == 0), 1, 4);
            Assert.True(ofYear.Count(r => r.Level == 1) > people.Count / 2);
            Assert.Contains(ofYear, r => r.Level == 2);
            Assert.True((await chain.VerifyAsync(year, CancellationToken.None)).Valid);
        }

        int LevelOf(string person, int year) => rows.Single(r => r.Year == year && people[r.PersonId] == person).Level!.Value;
        Assert.Equal([2, 1], new[] { LevelOf("P-ALEX", 2024), LevelOf("P-ALEX", 2025) });
        Assert.DoesNotContain(rows, r => r.Year == 2026);
        Assert.Equal(0, await _host.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Seeds_one_open_and_one_remedied_remediation_item_and_one_leave()
    {
        var items = await _host.QueryAsync(db => db.RemediationItems.Select(i => i.Status).OrderBy(s => s).ToListAsync());
        var leave = await _host.QueryAsync(db => db.Leaves.SingleAsync());

        Assert.Equal([RemediationItemStatus.Open, RemediationItemStatus.Remedied], items);
        Assert.Equal((new DateOnly(2026, 7, 21), new DateOnly(2026, 7, 30)), (leave.From, leave.To));
    }

    [Fact]
    public async Task Seeding_again_creates_nothing()
    {
        var before = await _host.QueryAsync(async db => (await db.People.CountAsync(), await db.CheckInReports.CountAsync(), await db.Targets.CountAsync()));

        var seeded = await _host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DemoSeeder>().First().SeedAsync(CancellationToken.None);

        Assert.False(seeded);
        Assert.Equal(before, await _host.QueryAsync(async db => (await db.People.CountAsync(), await db.CheckInReports.CountAsync(), await db.Targets.CountAsync())));
    }

    [Fact]
    public async Task The_seed_is_deterministic()
    {
        using var other = Seeded();

        static Task<List<decimal?>> Scores(ImportHost host) => host.QueryAsync(db => db.CheckInReports.OrderBy(r => r.PersonId).ThenBy(r => r.Period).Select(r => r.Score).ToListAsync());

        Assert.Equal(await Scores(_host), await Scores(other));
    }

    [Fact]
    public async Task Production_refuses_to_seed_the_demo_even_when_asked()
    {
        var seeder = new DemoSeeder(
            _host.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new DemoSeedOptions { SeedDemo = true }),
            new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = RepoPathsRoot() },
            TimeProvider.System,
            _host.Factory.Services.GetRequiredService<OrganisationClock>(),
            NullLogger<DemoSeeder>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.StartAsync(CancellationToken.None));

        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_seed_demo_the_database_stays_empty()
    {
        using var plain = new ImportHost();

        Assert.Equal(0, await plain.QueryAsync(db => db.People.CountAsync()));
    }

    private static string RepoPathsRoot() => Support.RepoPaths.Root;
}
