using EvalBot.Features.Organisation;
using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>The Party kinds (organisations, memberships, collectives) from CSV files with Vietnamese headers.</summary>
public sealed class PartyImportTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task ImportAsync(params (ImportKind Kind, string Text)[] files)
    {
        foreach (var (kind, text) in files)
        {
            var result = await _host.CsvAsync(kind, text);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
    }

    private Task ImportOrganisationAsync() =>
        ImportAsync((ImportKind.Units, Csv.Units), (ImportKind.Posts, Csv.Posts), (ImportKind.Groups, Csv.Groups), (ImportKind.People, Csv.People));

    private Task ImportPartyAsync() =>
        ImportAsync((ImportKind.PartyOrganisations, PartyCsv.Organisations), (ImportKind.PartyMembers, PartyCsv.Members), (ImportKind.PartyCollectives, PartyCsv.Collectives));

    private Task<Dictionary<string, long>> PeopleAsync() => _host.QueryAsync(db => db.People.ToDictionaryAsync(p => p.ExternalId, p => p.Id));

    [Fact]
    public async Task Imports_party_organisations_with_their_kind_parent_competent_level_and_advisory_person()
    {
        await ImportOrganisationAsync();

        var result = await _host.CsvAsync(ImportKind.PartyOrganisations, PartyCsv.Organisations);

        Assert.Equal(new KindCounts("party_organisations", 4, 0, 0), result.Report!.For(ImportKind.PartyOrganisations));
        var orgs = await _host.QueryAsync(db => db.PartyOrganisations.ToDictionaryAsync(o => o.ExternalId));
        var people = await PeopleAsync();
        Assert.Equal(
            [PartyOrganisationKinds.Committee, PartyOrganisationKinds.Grassroots, PartyOrganisationKinds.Cell, PartyOrganisationKinds.Cell],
            new[] { "HU", "DB", "CB1", "CB2" }.Select(id => orgs[id].Kind));
        Assert.Null(orgs["HU"].ParentId);
        Assert.Null(orgs["HU"].CompetentPersonId);
        Assert.Equal(orgs["HU"].Id, orgs["DB"].ParentId);
        Assert.Equal(orgs["DB"].Id, orgs["CB2"].ParentId);
        Assert.Equal((people["P1"], people["P3"]), (orgs["CB1"].CompetentPersonId!.Value, orgs["CB1"].AdvisoryPersonId!.Value));
    }

    [Fact]
    public async Task Imports_memberships_by_person_with_cells_dates_and_status_and_marks_the_person_a_party_member()
    {
        await ImportOrganisationAsync();
        await ImportAsync((ImportKind.PartyOrganisations, PartyCsv.Organisations));

        var result = await _host.CsvAsync(ImportKind.PartyMembers, PartyCsv.Members);

        Assert.Equal([new KindCounts("party_members", 3, 0, 0)], result.Report!.Kinds);
        var orgs = await _host.QueryAsync(db => db.PartyOrganisations.ToDictionaryAsync(o => o.ExternalId, o => o.Id));
        var people = await PeopleAsync();
        var members = await _host.QueryAsync(db => db.PartyMemberships.ToDictionaryAsync(m => m.ExternalId));
        Assert.Equal((people["P1"], orgs["CB1"], new DateOnly(2010, 5, 19), PartyMembershipStatuses.Active), (members["P1"].PersonId, members["P1"].CellId, members["P1"].AdmittedOn!.Value, members["P1"].Status));
        Assert.Equal((orgs["CB2"], PartyMembershipStatuses.Exempt), (members["P2"].TemporaryCellId!.Value, members["P2"].Status));
        Assert.Equal((null, null, PartyMembershipStatuses.Suspended), (members["P3"].AdmittedOn, members["P3"].TemporaryCellId, members["P3"].Status));
        Assert.True(await _host.QueryAsync(db => db.People.Where(p => p.ExternalId == "P2").Select(p => p.IsPartyMember).SingleAsync()));
    }

    [Fact]
    public async Task Imports_collectives_with_their_organisation_parent_head_and_exactly_the_listed_members_and_the_head()
    {
        await ImportOrganisationAsync();
        await ImportAsync((ImportKind.PartyOrganisations, PartyCsv.Organisations));

        var result = await _host.CsvAsync(ImportKind.PartyCollectives, PartyCsv.Collectives);

        Assert.Equal(new KindCounts("party_collectives", 2, 0, 0), result.Report!.For(ImportKind.PartyCollectives));
        var people = await PeopleAsync();
        var orgs = await _host.QueryAsync(db => db.PartyOrganisations.ToDictionaryAsync(o => o.ExternalId, o => o.Id));
        var collectives = await _host.QueryAsync(db => db.PartyCollectives.ToDictionaryAsync(c => c.ExternalId));
        Assert.Equal((PartyCollectiveKinds.Leadership, orgs["HU"], people["P1"], (long?)null), (collectives["LD"].Kind, collectives["LD"].PartyOrganisationId, collectives["LD"].HeadPersonId, collectives["LD"].ParentId));
        Assert.Equal((PartyCollectiveKinds.Party, orgs["DB"], (long?)collectives["LD"].Id), (collectives["TT-CB1"].Kind, collectives["TT-CB1"].PartyOrganisationId, collectives["TT-CB1"].ParentId));
        Assert.Equal(new[] { "P1", "P2", "P3" }.Select(p => people[p]).Order(), await MembersAsync(collectives["LD"].Id));
        Assert.Equal(new[] { "P1", "P2" }.Select(p => people[p]).Order(), await MembersAsync(collectives["TT-CB1"].Id));
    }

    private Task<List<long>> MembersAsync(long collective) =>
        _host.QueryAsync(db => db.PartyCollectiveMembers.Where(m => m.CollectiveId == collective).Select(m => m.PersonId).OrderBy(p => p).ToListAsync());

    [Fact]
    public async Task Reimporting_the_same_party_files_changes_nothing_and_a_shorter_member_list_removes_members()
    {
        await ImportOrganisationAsync();
        await ImportPartyAsync();

        var again = new[] { (ImportKind.PartyOrganisations, PartyCsv.Organisations), (ImportKind.PartyMembers, PartyCsv.Members), (ImportKind.PartyCollectives, PartyCsv.Collectives) };
        foreach (var (kind, text) in again)
        {
            var report = (await _host.CsvAsync(kind, text)).Report!;
            Assert.Equal(0, report.For(kind)!.Created + report.For(kind)!.Updated);
        }

        var shorter = await _host.CsvAsync(ImportKind.PartyCollectives, PartyCsv.Collectives.Replace("P1,P2; P3", "P1,P3", StringComparison.Ordinal));

        Assert.Equal(new KindCounts("party_collectives", 0, 1, 1), shorter.Report!.For(ImportKind.PartyCollectives));
        var people = await PeopleAsync();
        var ld = await _host.QueryAsync(db => db.PartyCollectives.Where(c => c.ExternalId == "LD").Select(c => c.Id).SingleAsync());
        Assert.Equal(new[] { people["P1"], people["P3"] }.Order(), await MembersAsync(ld));
        Assert.Equal(4, await _host.QueryAsync(db => db.PartyOrganisations.CountAsync()));
        Assert.Equal(3, await _host.QueryAsync(db => db.PartyMemberships.CountAsync()));
    }

    [Fact]
    public async Task Without_the_member_column_the_stored_members_stay_and_a_new_head_joins_them()
    {
        await ImportOrganisationAsync();
        await ImportPartyAsync();

        var result = await _host.CsvAsync(ImportKind.PartyCollectives, "collective_id,name,kind,party_org_id,head_person_id\nTT-CB1,Chi bộ Một,party,DB,P3\n");

        Assert.Equal(new KindCounts("party_collectives", 0, 1, 0), result.Report!.For(ImportKind.PartyCollectives));
        var people = await PeopleAsync();
        var id = await _host.QueryAsync(db => db.PartyCollectives.Where(c => c.ExternalId == "TT-CB1").Select(c => c.Id).SingleAsync());
        Assert.Equal(new[] { people["P1"], people["P2"], people["P3"] }.Order(), await MembersAsync(id));
    }

    [Theory]
    [InlineData("dang_vien", null)]
    [InlineData("Đảng viên", null)]
    [InlineData("dang-vien-sinh-hoat-2026", ImportKind.PartyMembers)]
    [InlineData("Sinh hoạt Đảng", ImportKind.PartyMembers)]
    [InlineData("Tổ chức Đảng", ImportKind.PartyOrganisations)]
    [InlineData("chi bo dang bo", ImportKind.PartyOrganisations)]
    [InlineData("tap-the-lanh-dao", ImportKind.PartyCollectives)]
    [InlineData("party_collectives", ImportKind.PartyCollectives)]
    public void A_file_name_names_a_party_kind_but_plain_dang_vien_names_none(string text, ImportKind? expected) =>
        Assert.Equal(expected, ImportKinds.Find(text));

    [Fact]
    public void Every_kind_is_found_by_its_documented_name_and_named_on_the_result_card_in_both_languages()
    {
        foreach (var language in new[] { "vi", "en" })
        {
            var strings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Support.RepoPaths.Cards, "strings", $"import.{language}.json"))).RootElement;
            Assert.All(Enum.GetValues<ImportKind>(), kind =>
            {
                Assert.Equal(kind, ImportKinds.Parse(kind.Name()));
                Assert.False(string.IsNullOrWhiteSpace(strings.GetProperty("importKind" + kind).GetString()));
            });
        }

        Assert.Equal("party_organisations", ImportKind.PartyOrganisations.Name());
    }
}
