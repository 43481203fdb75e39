using EvalBot.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>The demo's Party organisation: a committee, a grassroots organisation, two cells, memberships and two collectives with the Playground users.</summary>
public sealed class DemoPartySeedTests : IDisposable
{
    private static readonly DateTimeOffset SeedTime = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly ImportHost _host = new(
        new Dictionary<string, string?> { ["EvalBot:SeedDemo"] = "true" },
        s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(SeedTime)));

    public void Dispose() => _host.Dispose();

    private Task<Dictionary<string, long>> PeopleAsync() => _host.QueryAsync(db => db.People.ToDictionaryAsync(p => p.ExternalId, p => p.Id));

    [Fact]
    public async Task Seeds_a_committee_a_grassroots_organisation_and_two_cells_with_their_competent_level()
    {
        var orgs = await _host.QueryAsync(db => db.PartyOrganisations.ToDictionaryAsync(o => o.Name));
        var people = await PeopleAsync();

        Assert.Equal(4, orgs.Count);
        var committee = orgs["Huyện ủy Demo"];
        var grassroots = orgs["Đảng bộ xã Demo"];
        Assert.Equal((PartyOrganisationKinds.Committee, (long?)null, (long?)null), (committee.Kind, committee.ParentId, committee.CompetentPersonId));
        Assert.Equal((PartyOrganisationKinds.Grassroots, (long?)committee.Id), (grassroots.Kind, grassroots.ParentId));
        foreach (var org in new[] { grassroots, orgs["Chi bộ Văn phòng – Tổng hợp"], orgs["Chi bộ Kinh tế – Văn hóa"] })
        {
            Assert.Equal((people["P-PATTI"], people["P-LYNNE"]), (org.CompetentPersonId!.Value, org.AdvisoryPersonId!.Value));
        }

        Assert.All(orgs.Values.Where(o => o.Name.StartsWith("Chi bộ", StringComparison.Ordinal)), o => Assert.Equal((PartyOrganisationKinds.Cell, (long?)grassroots.Id), (o.Kind, o.ParentId)));
    }

    [Fact]
    public async Task Every_party_member_has_a_membership_in_the_cell_of_their_unit_with_one_recent_admission_and_one_temporary_cell()
    {
        var members = await _host.QueryAsync(db => db.PartyMemberships.ToDictionaryAsync(m => m.ExternalId));
        var partyMembers = await _host.QueryAsync(db => db.People.Where(p => p.IsPartyMember).Select(p => p.ExternalId).ToListAsync());
        var cells = await _host.QueryAsync(db => db.PartyOrganisations.ToDictionaryAsync(o => o.ExternalId, o => o.Id));

        Assert.Equal(partyMembers.Order(StringComparer.Ordinal), members.Keys.Order(StringComparer.Ordinal));
        Assert.All(new[] { "P-PATTI", "P-LYNNE", "P-MEGAN", "P-ADELE", "P-001" }, p => Assert.Equal(cells["CB-VPTH"], members[p].CellId));
        Assert.All(new[] { "P-006", "P-015" }, p => Assert.Equal(cells["CB-KTVH"], members[p].CellId));
        Assert.DoesNotContain("P-ALEX", members.Keys);
        var recent = Assert.Single(members.Values, m => m.AdmittedOn > new DateOnly(2026, 5, 27));
        Assert.Equal(("P-013", new DateOnly(2026, 8, 29)), (recent.ExternalId, recent.AdmittedOn!.Value));
        var temporary = Assert.Single(members.Values, m => m.TemporaryCellId is not null);
        Assert.Equal(("P-002", cells["CB-KTVH"]), (temporary.ExternalId, temporary.TemporaryCellId!.Value));
        Assert.All(members.Values, m => Assert.Equal(PartyMembershipStatuses.Active, m.Status));
    }

    [Fact]
    public async Task Seeds_the_leadership_collective_decided_by_the_board_and_the_cell_collective_with_the_playground_users()
    {
        var collectives = await _host.QueryAsync(db => db.PartyCollectives.ToDictionaryAsync(c => c.Name));
        var members = await _host.QueryAsync(db => db.PartyCollectiveMembers.ToListAsync());
        var people = await PeopleAsync();
        var orgs = await _host.QueryAsync(db => db.PartyOrganisations.ToDictionaryAsync(o => o.Name));
        List<long> MembersOf(PartyCollective c) => members.Where(m => m.CollectiveId == c.Id).Select(m => m.PersonId).Order().ToList();

        var leadership = collectives["Tập thể lãnh đạo Văn phòng UBND xã Demo"];
        Assert.Equal((PartyCollectiveKinds.Leadership, orgs["Huyện ủy Demo"].Id, people["P-PATTI"]), (leadership.Kind, leadership.PartyOrganisationId, leadership.HeadPersonId));
        Assert.Null(orgs["Huyện ủy Demo"].CompetentPersonId);
        Assert.Equal(new[] { "P-PATTI", "P-001", "P-MEGAN", "P-006", "P-015" }.Select(p => people[p]).Order(), MembersOf(leadership));
        var cell = collectives["Chi bộ Văn phòng – Tổng hợp"];
        Assert.Equal((PartyCollectiveKinds.Party, orgs["Đảng bộ xã Demo"].Id, people["P-MEGAN"]), (cell.Kind, cell.PartyOrganisationId, cell.HeadPersonId));
        Assert.Subset(MembersOf(cell).ToHashSet(), new[] { "P-PATTI", "P-LYNNE", "P-MEGAN", "P-ADELE", "P-001" }.Select(p => people[p]).ToHashSet());
    }
}
