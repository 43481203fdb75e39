using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

public sealed class ImportErrorTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Bad_rows_are_reported_line_by_line_in_both_languages_and_nothing_is_written()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);
        const string people = """
            person_id,full_name,unit_id,population,party_member,email
            P1,Nguyễn Văn An,U1,công chức,yes,an@example.org
            P2,,U1,công chức,no,
            P3,Lê Văn Cường,NOPE,sĩ quan,maybe,not-an-email
            P1,Trùng Mã,U1,,,
            """;

        var result = await _host.CsvAsync(ImportKind.People, people);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e is { Sheet: "people", Row: 3, Column: "full_name" });
        Assert.Contains(result.Errors, e => e is { Row: 4, Column: "population" });
        Assert.Contains(result.Errors, e => e is { Row: 4, Column: "party_member" });
        Assert.Contains(result.Errors, e => e is { Row: 4, Column: "email" });
        Assert.Contains(result.Errors, e => e is { Row: 5, Column: "person_id" } && e.MessageEn.Contains("repeated", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message) || string.IsNullOrWhiteSpace(e.MessageEn)));
        Assert.Equal(0, await _host.QueryAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task References_to_unknown_rows_are_refused_with_the_row_and_column()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);

        var result = await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id,leader_person_id\nP1,An,U9,P7\n");

        Assert.Contains(result.Errors, e => e is { Row: 2, Column: "unit_id" } && e.MessageEn.Contains("U9", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e is { Row: 2, Column: "leader_person_id" });
        Assert.Equal(0, await _host.QueryAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task A_cycle_in_unit_parents_is_refused_including_through_stored_units()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);

        var result = await _host.CsvAsync(ImportKind.Units, "unit_id,name,parent_unit_id\nAG,Văn phòng,U1\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal("parent_unit_id", error.Column);
        Assert.Contains("AG → U1 → AG", error.MessageEn, StringComparison.Ordinal);
        Assert.Null(await _host.QueryAsync(db => db.Units.Where(u => u.ExternalId == "AG").Select(u => u.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task A_unit_that_is_its_own_parent_is_refused()
    {
        var result = await _host.CsvAsync(ImportKind.Units, "unit_id,name,parent_unit_id\nA,A,A\n");

        Assert.Contains(result.Errors, e => e.Column == "parent_unit_id" && e.MessageEn.StartsWith("Cycle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cycle_in_direct_leaders_is_refused()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);

        var result = await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id,leader_person_id\nP1,An,U1,P3\nP2,Bình,U1,P1\nP3,Cường,U1,P2\n");

        Assert.Equal(3, result.Errors.Count(e => e.Column == "leader_person_id"));
        Assert.Equal(0, await _host.QueryAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task An_entra_object_id_already_held_by_another_person_is_refused()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);
        await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id,aad_object_id\nP1,An,U1,aad-1\n");

        var result = await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id,aad_object_id\nP2,Bình,U1,AAD-1\n");

        Assert.Contains(result.Errors, e => e is { Row: 2, Column: "aad_object_id" } && e.MessageEn.Contains("P1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unit_id,name,colour\nA,A,red\n", "colour")]
    [InlineData("unit_id,unit_id,name\nA,A,A\n", "unit_id")]
    [InlineData("unit_id\nA\n", "name")]
    public async Task Unknown_repeated_or_missing_headers_are_refused(string csv, string column)
    {
        var result = await _host.CsvAsync(ImportKind.Units, csv);

        Assert.Contains(result.Errors, e => e.Row == 1 && e.Column == column);
    }

    [Fact]
    public async Task A_target_needs_exactly_one_of_person_or_post_and_a_valid_period()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);
        await _host.CsvAsync(ImportKind.Posts, Csv.Posts);
        const string targets = """
            target_id,period,person_id,post_id,title,unit_of_measure,quantity,deadline,quality_requirement
            T1,2026-Q5,,CV,Báo cáo,báo cáo,3,2026-03-31,Đúng hạn
            T2,2026-Q1,,,Báo cáo,báo cáo,3,2026-03-31,Đúng hạn
            T3,2026-Q1,,CV,Báo cáo,báo cáo,0,31/02/2026,Đúng hạn
            """;

        var result = await _host.CsvAsync(ImportKind.Targets, targets);

        Assert.Contains(result.Errors, e => e is { Row: 2, Column: "period" });
        Assert.Contains(result.Errors, e => e is { Row: 3, Column: "person_id" });
        Assert.Contains(result.Errors, e => e is { Row: 4, Column: "quantity" });
        Assert.Contains(result.Errors, e => e is { Row: 4, Column: "deadline" });
    }

    [Fact]
    public async Task Too_long_cells_and_control_characters_are_refused()
    {
        var result = await _host.CsvAsync(ImportKind.Units, $"unit_id,name\n{new string('x', 200)},A\nB,Bad\u0001name\n");

        Assert.Contains(result.Errors, e => e is { Row: 2, Column: "unit_id" });
        Assert.Contains(result.Errors, e => e is { Row: 3, Column: "name" });
    }

    [Fact]
    public async Task A_csv_without_a_kind_or_that_is_not_utf8_is_refused()
    {
        var noKind = await _host.BytesAsync("unit_id,name\nA,A\n"u8.ToArray());
        var latin1 = await _host.BytesAsync([.. "unit_id,name\nA,"u8, 0xE0, (byte)'\n'], ImportKind.Units);

        Assert.False(noKind.Succeeded);
        Assert.Contains("UTF-8", Assert.Single(latin1.Errors).MessageEn, StringComparison.Ordinal);
    }
}
