using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Tests.Features.Organisation;

public sealed class CsvImportTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task ImportOrganisationAsync()
    {
        foreach (var (kind, text) in new[] { (ImportKind.Units, Csv.Units), (ImportKind.Posts, Csv.Posts), (ImportKind.Groups, Csv.Groups), (ImportKind.People, Csv.People) })
        {
            var result = await _host.CsvAsync(kind, text);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
    }

    [Fact]
    public async Task A_unit_names_its_competent_level_by_person_id_and_an_unknown_one_is_refused()
    {
        await ImportOrganisationAsync();

        var named = await _host.CsvAsync(ImportKind.Units, "unit_id,name,cap_co_tham_quyen\nU1,Phòng Tổng hợp,P3\n");
        var unknown = await _host.CsvAsync(ImportKind.Units, "unit_id,name,competent_person_id\nU1,Phòng Tổng hợp,P-NOBODY\n");

        Assert.True(named.Succeeded, string.Join("\n", named.Errors));
        var (competent, p3) = await _host.QueryAsync(async db => (
            await db.Units.Where(u => u.ExternalId == "U1").Select(u => u.CompetentPersonId).SingleAsync(),
            await db.People.Where(p => p.ExternalId == "P3").Select(p => p.Id).SingleAsync()));
        Assert.Equal(p3, competent);
        Assert.False(unknown.Succeeded);
        Assert.Equal("competent_person_id", Assert.Single(unknown.Errors).Column);
        Assert.Equal(p3, await _host.QueryAsync(db => db.Units.Where(u => u.ExternalId == "U1").Select(u => u.CompetentPersonId).SingleAsync()));
    }

    [Fact]
    public async Task Imports_units_posts_groups_and_people_with_their_references()
    {
        await ImportOrganisationAsync();

        var people = await _host.QueryAsync(db => db.People.Include(p => p.Unit).Include(p => p.Post).OrderBy(p => p.ExternalId).ToListAsync());
        Assert.Equal(["P1", "P2", "P3"], people.Select(p => p.ExternalId));
        Assert.Equal([Population.CivilServant, Population.PublicEmployee, Population.Cadre], people.Select(p => p.Population));
        Assert.Equal([true, false, true], people.Select(p => p.IsPartyMember));
        Assert.True(people[0].IsLeader);
        Assert.True(people[2].IsOrganisationBoard);
        Assert.Equal("U1", people[1].Unit!.ExternalId);
        Assert.Equal("CV", people[1].Post!.ExternalId);
        Assert.Equal(people[0].Id, people[1].ManagerId);
        Assert.Equal("aad-2", people[1].AadObjectId);
        var units = await _host.QueryAsync(db => db.Units.OrderBy(u => u.ExternalId).ToListAsync());
        Assert.True(units.Single(u => u.ExternalId == "AG").IsAgency);
        Assert.All(units.Where(u => u.ExternalId != "AG"), u => Assert.Equal(units.Single(x => x.ExternalId == "AG").Id, u.ParentId));
    }

    [Fact]
    public async Task Reports_created_counts_then_unchanged_on_a_second_import_without_duplicates()
    {
        var first = await _host.CsvAsync(ImportKind.Units, Csv.Units);
        var second = await _host.CsvAsync(ImportKind.Units, Csv.Units);

        Assert.Equal(new KindCounts("units", 3, 0, 0), first.Report!.For(ImportKind.Units));
        Assert.Equal(new KindCounts("units", 0, 0, 3), second.Report!.For(ImportKind.Units));
        Assert.Equal(3, await _host.QueryAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task A_changed_row_is_updated_in_place_and_counted_as_updated()
    {
        await ImportOrganisationAsync();
        var before = await _host.QueryAsync(db => db.People.SingleAsync(p => p.ExternalId == "P2"));

        var result = await _host.CsvAsync(ImportKind.People, Csv.People.Replace("Trần Thị Bình", "Trần Thị Bình An", StringComparison.Ordinal).Replace("P2,Trần Thị Bình An,,aad-2,U1", "P2,Trần Thị Bình An,,aad-2,U2", StringComparison.Ordinal));

        Assert.Equal(new KindCounts("people", 0, 1, 2), result.Report!.For(ImportKind.People));
        var after = await _host.QueryAsync(db => db.People.Include(p => p.Unit).SingleAsync(p => p.ExternalId == "P2"));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("Trần Thị Bình An", after.FullName);
        Assert.Equal("U2", after.Unit!.ExternalId);
    }

    [Fact]
    public async Task A_file_without_an_optional_column_keeps_the_stored_values()
    {
        await ImportOrganisationAsync();

        var result = await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id\nP2,Trần Thị Bình,U1\n");

        Assert.Equal(new KindCounts("people", 0, 0, 1), result.Report!.For(ImportKind.People));
        var p2 = await _host.QueryAsync(db => db.People.SingleAsync(p => p.ExternalId == "P2"));
        Assert.Equal(("aad-2", Population.PublicEmployee), (p2.AadObjectId, p2.Population));
        Assert.NotNull(p2.ManagerId);
    }

    [Fact]
    public async Task Writes_an_audit_entry_with_the_actor_and_the_counts()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);

        var entry = await _host.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == "organisation.import"));
        Assert.Equal("admin", entry.Actor);
        Assert.Equal("csv:units", entry.EntityId);
        Assert.Contains("\"created\":3", entry.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_vietnamese_headers_with_diacritics()
    {
        var result = await _host.CsvAsync(ImportKind.Units, "Mã đơn vị,Tên đơn vị,Là cơ quan\nAG,Văn phòng,có\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(await _host.QueryAsync(db => db.Units.AnyAsync(u => u.ExternalId == "AG" && u.IsAgency)));
    }
}
