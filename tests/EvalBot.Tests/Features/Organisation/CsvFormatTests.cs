using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>The CSV reader itself: RFC 4180 quoting, BOM, line endings, and the number and date forms admins type.</summary>
public sealed class CsvFormatTests : IDisposable
{
    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Reads_quoted_fields_with_commas_doubled_quotes_and_line_breaks()
    {
        var (table, errors) = CsvTableReader.Read("name,unit_id\r\n\"Phòng \"\"A\"\", B\",\"x\ny\"\r\n\r\nC,D"u8, ImportKind.Units);

        Assert.Empty(errors);
        Assert.Equal(["name", "unit_id"], table!.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["Phòng \"A\", B", "x\ny"], table.Rows[0].Cells);
        Assert.Equal((2, 5), (table.Rows[0].Number, table.Rows[1].Number));
    }

    [Fact]
    public void Strips_a_byte_order_mark_and_reads_semicolon_files()
    {
        var (table, errors) = CsvTableReader.Read([0xEF, 0xBB, 0xBF, .. "unit_id;name\nA;Phòng A\n"u8], ImportKind.Units);

        Assert.Empty(errors);
        Assert.Equal("unit_id", table!.Headers[0]);
        Assert.Equal(["A", "Phòng A"], table.Rows[0].Cells);
    }

    [Theory]
    [InlineData("a,b\n\"open,c\n")]
    [InlineData("a,b\n\"x\"y,c\n")]
    public void Refuses_broken_quoting(string csv)
    {
        var (table, errors) = CsvTableReader.Read(System.Text.Encoding.UTF8.GetBytes(csv), ImportKind.Units);

        Assert.Null(table);
        Assert.Equal(2, Assert.Single(errors).Row);
    }

    [Fact]
    public async Task Imports_with_a_bom_and_quoted_names()
    {
        var result = await _host.BytesAsync([0xEF, 0xBB, 0xBF, .. "unit_id,name\r\nA,\"Phòng Văn hóa, Xã hội\"\r\n"u8], ImportKind.Units);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("Phòng Văn hóa, Xã hội", await _host.QueryAsync(db => db.Units.Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task Reads_dd_MM_yyyy_dates_and_comma_decimals()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);
        await _host.CsvAsync(ImportKind.Posts, Csv.Posts);
        const string targets = """
            target_id,period,post_id,title,unit_of_measure,quantity,conversion_factor,deadline,quality_requirement
            T1,2026-Q1,CV,Báo cáo tổng hợp,báo cáo,3,"1,5",31/03/2026,"Đúng thể thức, đúng hạn"
            T2,2026-03,CV,Hồ sơ,hồ sơ,12.5,0.25,2026-03-20,Đủ thành phần
            """;

        var result = await _host.CsvAsync(ImportKind.Targets, targets);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var stored = await _host.QueryAsync(db => db.Targets.OrderBy(t => t.ExternalId).ToListAsync());
        Assert.Equal((1.5m, new DateOnly(2026, 3, 31)), (stored[0].ConversionFactor, stored[0].Deadline));
        Assert.Equal((12.5m, 0.25m, "2026-03"), (stored[1].Quantity, stored[1].ConversionFactor, stored[1].Period));
    }

    [Fact]
    public async Task A_comma_with_three_digits_after_it_is_ambiguous_and_refused()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);
        await _host.CsvAsync(ImportKind.Posts, Csv.Posts);

        var result = await _host.CsvAsync(ImportKind.Targets, "target_id,period,post_id,title,unit_of_measure,quantity,deadline,quality_requirement\nT1,2026-Q1,CV,A,b,\"1,500\",2026-03-31,ok\n");

        Assert.Contains(result.Errors, e => e.Column == "quantity");
    }

    [Fact]
    public async Task Imports_every_record_kind()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);
        await _host.CsvAsync(ImportKind.Posts, Csv.Posts);
        await _host.CsvAsync(ImportKind.Groups, Csv.Groups);
        await _host.CsvAsync(ImportKind.People, Csv.People);

        var results = new[]
        {
            await _host.CsvAsync(ImportKind.Leave, "leave_id,person_id,kind,from_date,to_date\nL1,P2,thai sản,01/02/2026,31/07/2026\n"),
            await _host.CsvAsync(ImportKind.Discipline, "discipline_id,person_id,violation_id,decision_date,track,sanction\nD1,P3,V1,2026-04-10,đảng,khiển trách\n"),
            await _host.CsvAsync(ImportKind.Findings, "finding_id,person_id,kind,date\nF1,P3,suspension,2026-05-01\n"),
            await _host.CsvAsync(ImportKind.Transfers, "transfer_id,person_id,from_unit_id,to_unit_id,date\nX1,P3,OLD-UNIT,U2,2026-01-15\n"),
            await _host.CsvAsync(ImportKind.Votes, "vote_id,person_id,date,high,medium,low,present,convened\nV1,P1,2026-06-30,20,3,1,24,25\n"),
        };

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("\n", r.Errors)));
        Assert.Equal("maternity", await _host.QueryAsync(db => db.Leaves.Select(l => l.Kind).SingleAsync()));
        Assert.Equal(("party", "reprimand"), await _host.QueryAsync(async db => await db.Disciplines.Select(d => ValueTuple.Create(d.Track, d.Sanction)).SingleAsync()));
        Assert.Equal("OLD-UNIT", await _host.QueryAsync(db => db.Transfers.Select(t => t.FromUnitExternalId).SingleAsync()));
        Assert.Equal(24, await _host.QueryAsync(db => db.ConfidenceVotes.Select(v => v.Present).SingleAsync()));
    }

    [Fact]
    public async Task A_vote_with_more_ballots_than_voters_is_refused()
    {
        await _host.CsvAsync(ImportKind.Units, Csv.Units);
        await _host.CsvAsync(ImportKind.People, "person_id,full_name,unit_id\nP1,An,U1\n");

        var result = await _host.CsvAsync(ImportKind.Votes, "vote_id,person_id,date,high,medium,low,present,convened\nV1,P1,2026-06-30,20,3,5,24,20\n");

        Assert.Contains(result.Errors, e => e.Column == "present");
        Assert.Contains(result.Errors, e => e.Column == "convened");
    }
}
