using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>Every Party check refuses the whole file with bilingual errors by sheet, row and column.</summary>
public sealed class PartyImportErrorTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task ImportOrganisationAsync(bool withParty = true)
    {
        var files = new List<(ImportKind, string)> { (ImportKind.Units, Csv.Units), (ImportKind.Posts, Csv.Posts), (ImportKind.Groups, Csv.Groups), (ImportKind.People, Csv.People) };
        if (withParty) files.Add((ImportKind.PartyOrganisations, PartyCsv.Organisations));
        foreach (var (kind, text) in files)
        {
            var result = await _host.CsvAsync(kind, text);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
    }

    private async Task<IReadOnlyList<ImportError>> RefusedAsync(ImportKind kind, string text)
    {
        var result = await _host.CsvAsync(kind, text);
        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message) || string.IsNullOrWhiteSpace(e.MessageEn)));
        return result.Errors;
    }

    [Fact]
    public async Task Unknown_references_of_every_party_kind_are_refused_and_nothing_is_written()
    {
        await ImportOrganisationAsync(withParty: false);

        var orgs = await RefusedAsync(ImportKind.PartyOrganisations, "party_org_id,name,kind,parent_party_org_id,competent_person_id,advisory_person_id\nHU,Huyện ủy,committee,NOPE,P-X,P-Y\n");
        await ImportOrganisationAsync();
        var members = await RefusedAsync(ImportKind.PartyMembers, "person_id,cell_id,temporary_cell_id\nP-X,CB-X,CB-Y\n");
        var collectives = await RefusedAsync(ImportKind.PartyCollectives, "collective_id,name,kind,party_org_id,parent_collective_id,head_person_id,member_person_ids\nLD,Tập thể,leadership,NOPE,C-X,P-X,P1;P-Z\n");

        Assert.Equal(["advisory_person_id", "competent_person_id", "parent_party_org_id"], orgs.Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.Contains("Không tìm thấy tổ chức đảng 'NOPE'", orgs.Single(e => e.Column == "parent_party_org_id").Message, StringComparison.Ordinal);
        Assert.Equal(["cell_id", "person_id", "temporary_cell_id"], members.Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.Equal(["head_person_id", "member_person_ids", "parent_collective_id", "party_org_id"], collectives.Select(e => e.Column).Order(StringComparer.Ordinal));
        Assert.Contains("P-Z", collectives.Single(e => e.Column == "member_person_ids").MessageEn, StringComparison.Ordinal);
        Assert.All(members.Concat(collectives), e => Assert.Equal(2, e.Row));
        Assert.Equal(0, await _host.QueryAsync(db => db.PartyMemberships.CountAsync()));
        Assert.Equal(0, await _host.QueryAsync(db => db.PartyCollectives.CountAsync()));
    }

    [Fact]
    public async Task A_membership_in_an_organisation_that_is_not_a_cell_or_a_temporary_cell_equal_to_the_cell_is_refused()
    {
        await ImportOrganisationAsync();

        var errors = await RefusedAsync(ImportKind.PartyMembers, "person_id,cell_id,temporary_cell_id\nP1,DB,\nP2,CB1,HU\nP3,CB1,CB1\n");

        Assert.Contains(errors, e => e is { Sheet: "party_members", Row: 2, Column: "cell_id" } && e.MessageEn.Contains("not a cell", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 3, Column: "temporary_cell_id" } && e.Message.Contains("không phải là chi bộ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 4, Column: "temporary_cell_id" } && e.MessageEn.Contains("official cell", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task A_cell_cannot_become_a_parent_nor_stop_being_a_cell_while_members_belong_to_it()
    {
        await ImportOrganisationAsync();
        var members = await _host.CsvAsync(ImportKind.PartyMembers, "person_id,cell_id\nP1,CB1\n");
        Assert.True(members.Succeeded);

        var child = await RefusedAsync(ImportKind.PartyOrganisations, "party_org_id,name,kind,parent_party_org_id\nCB3,Chi bộ Ba,cell,CB1\n");
        var regraded = await RefusedAsync(ImportKind.PartyOrganisations, "party_org_id,name,kind\nCB1,Chi bộ Một,grassroots\nCB2,Chi bộ Hai,cell\nDB,Đảng bộ,cell\n");

        Assert.Equal("parent_party_org_id", Assert.Single(child).Column);
        Assert.Contains("cannot be the parent", child[0].MessageEn, StringComparison.Ordinal);
        Assert.Contains(regraded, e => e is { Row: 2, Column: "kind" } && e.MessageEn.Contains("'P1'", StringComparison.Ordinal));
        Assert.Contains(regraded, e => e is { Row: 4, Column: "kind" } && e.MessageEn.Contains("cannot be the parent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cycles_in_organisation_or_collective_parents_are_refused()
    {
        await ImportOrganisationAsync();
        await _host.CsvAsync(ImportKind.PartyCollectives, PartyCsv.Collectives);

        var orgs = await RefusedAsync(ImportKind.PartyOrganisations, "party_org_id,name,kind,parent_party_org_id\nHU,Huyện ủy,committee,DB\n");
        var collectives = await RefusedAsync(ImportKind.PartyCollectives, "collective_id,name,kind,party_org_id,parent_collective_id,head_person_id\nLD,Tập thể,leadership,HU,TT-CB1,P1\n");

        Assert.Contains(orgs, e => e is { Column: "parent_party_org_id" } && e.MessageEn.Contains("HU → DB → HU", StringComparison.Ordinal));
        Assert.Contains(collectives, e => e is { Column: "parent_collective_id" } && e.Message.Contains("Vòng lặp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_kinds_and_statuses_are_refused_with_the_allowed_values()
    {
        await ImportOrganisationAsync();

        var orgs = await RefusedAsync(ImportKind.PartyOrganisations, "party_org_id,name,kind\nX,Tổ chức,ban\nY,Tổ chức,\n");
        var members = await RefusedAsync(ImportKind.PartyMembers, "person_id,cell_id,status,admitted_on\nP1,CB1,nghỉ,31/02/2020\n");
        var collectives = await RefusedAsync(ImportKind.PartyCollectives, "collective_id,name,kind,party_org_id,head_person_id\nLD,Tập thể,hội đồng,HU,P1\n");

        Assert.Contains(orgs, e => e is { Row: 2, Column: "kind" } && e.MessageEn.Contains("committee, grassroots, cell", StringComparison.Ordinal));
        Assert.Contains(orgs, e => e is { Row: 3, Column: "kind" } && e.MessageEn.Contains("required", StringComparison.Ordinal));
        Assert.Contains(members, e => e is { Column: "status" } && e.MessageEn.Contains("active, exempt, suspended", StringComparison.Ordinal));
        Assert.Contains(members, e => e is { Column: "admitted_on" });
        Assert.Contains(collectives, e => e is { Column: "kind" } && e.MessageEn.Contains("leadership, party, agency", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_marked_not_a_party_member_in_the_same_file_cannot_have_a_membership()
    {
        await ImportOrganisationAsync();
        var workbook = new XlsxBuilder()
            .Sheet("Cán bộ", ["person_id", "full_name", "unit_id", "party_member"], ["P2", "Trần Thị Bình", "U1", "không"])
            .Sheet("Đảng viên sinh hoạt", ["Mã cán bộ", "Mã chi bộ"], ["P2", "CB1"])
            .Build();

        var result = await _host.BytesAsync(workbook);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Đảng viên sinh hoạt", 2, "person_id"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("Cán bộ row 2", error.MessageEn, StringComparison.Ordinal);
        Assert.Equal(0, await _host.QueryAsync(db => db.PartyMemberships.CountAsync()));
    }
}
