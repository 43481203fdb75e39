using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>Score sheets (biểu điểm) are imported like the other kinds: all or nothing, each error at its line.</summary>
public sealed class ScoreSheetImportTests : IDisposable
{
    public const string Header = "sheet_id,applies_to,scope_id,criterion_id,name_vi,name_en,group,max_points,leader_component,description_vi,description_en";

    /// <summary>A staff sheet for the post CV, a leader sheet for TP (held by the leader P1), the agency's default.</summary>
    public static readonly string Good = Header + """

        BD-CV,post,CV,politics,Chính trị và kỷ luật,Politics and discipline,general,12,,Không vi phạm kỷ luật: 12 điểm,No breach of discipline: 12 points
        BD-CV,post,CV,competence,Năng lực,Competence,general,10,,,
        BD-CV,post,CV,innovation,Đổi mới,Innovation,general,8,,,
        BD-CV,post,CV,products,Sản phẩm,Products,task,70,,Số lượng chất lượng tiến độ,"Quantity, quality, progress"
        BD-TP,post,TP,politics,Chính trị,Politics,general,15,,,
        BD-TP,post,TP,competence,Năng lực lãnh đạo,Leadership competence,general,15,,,
        BD-TP,post,TP,products,Sản phẩm trực tiếp,Own products,task,40,,,
        BD-TP,post,TP,unit,Kết quả hoạt động của đơn vị,Unit results,task,15,unit_results,100 % khi mọi công chức từ HT,
        BD-TP,post,TP,organise,Năng lực tổ chức thực hiện,Organising implementation,task,15,organisation,,
        BD-AG,agency,AG,general,Tiêu chí chung,General criteria,general,30,,,
        BD-AG,agency,AG,tasks,Kết quả nhiệm vụ,Task results,task,70,,,
        """;

    private readonly ImportHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task OrganisationAsync()
    {
        foreach (var (kind, text) in new[] { (ImportKind.Units, Csv.Units), (ImportKind.Posts, Csv.Posts), (ImportKind.Groups, Csv.Groups), (ImportKind.People, Csv.People) })
        {
            var result = await _host.CsvAsync(kind, text);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
    }

    private async Task<IReadOnlyList<ImportError>> RefusedAsync(string text)
    {
        var result = await _host.CsvAsync(ImportKind.ScoreSheets, text);
        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message) || string.IsNullOrWhiteSpace(e.MessageEn)));
        Assert.Equal(0, await _host.QueryAsync(db => db.ScoreSheetCriteria.CountAsync()));
        return result.Errors;
    }

    [Fact]
    public async Task A_good_file_stores_every_criterion_with_its_place_and_a_second_import_changes_nothing()
    {
        await OrganisationAsync();

        var first = await _host.CsvAsync(ImportKind.ScoreSheets, Good);
        var second = await _host.CsvAsync(ImportKind.ScoreSheets, Good);

        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        Assert.Equal(11, first.Report!.For(ImportKind.ScoreSheets)!.Created);
        Assert.Equal(11, second.Report!.For(ImportKind.ScoreSheets)!.Unchanged);
        var rows = await _host.QueryAsync(db => db.ScoreSheetCriteria.OrderBy(c => c.SheetExternalId).ThenBy(c => c.Position).ToListAsync());
        var tp = await _host.QueryAsync(db => db.Posts.SingleAsync(p => p.ExternalId == "TP"));
        var agency = await _host.QueryAsync(db => db.Units.SingleAsync(u => u.ExternalId == "AG"));
        Assert.All(rows.Where(r => r.SheetExternalId == "BD-TP"), r => Assert.Equal(tp.Id, r.PostId));
        Assert.All(rows.Where(r => r.SheetExternalId == "BD-AG"), r => Assert.Equal((agency.Id, (long?)null), (r.UnitId!.Value, r.PostId)));
        Assert.Equal(["unit_results", "organisation"], rows.Where(r => r.LeaderComponent is not null).Select(r => r.LeaderComponent!));
        Assert.Equal("No breach of discipline: 12 points", rows.Single(r => r is { SheetExternalId: "BD-CV", CriterionId: "politics" }).DescriptionEn);
    }

    [Fact]
    public async Task A_sheet_that_does_not_add_up_is_refused_at_its_line_with_the_sums()
    {
        await OrganisationAsync();

        var errors = await RefusedAsync(Good.Replace("general,8,,,", "general,3,,,", StringComparison.Ordinal).Replace("task,70,,Số", "task,75,,Số", StringComparison.Ordinal));

        Assert.All(errors, e => Assert.Equal((2, "max_points"), (e.Row, e.Column)));
        Assert.Contains(errors, e => e.Message.Contains("tiêu chí chung là 25", StringComparison.Ordinal) && e.Message.Contains("phải bằng 30", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.MessageEn.Contains("task criteria add up to 75; they must add up to 70", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_leader_sheet_without_the_leader_criteria_is_refused()
    {
        await OrganisationAsync();

        var errors = await RefusedAsync(Good.Replace(",unit_results,", ",,", StringComparison.Ordinal));

        var error = Assert.Single(errors);
        Assert.Equal(6, error.Row);
        Assert.Contains("BD-TP", error.Message, StringComparison.Ordinal);
        Assert.Contains("kết quả hoạt động của đơn vị", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_post_and_a_unit_that_is_not_an_agency_are_refused()
    {
        await OrganisationAsync();

        var errors = await RefusedAsync(Good.Replace("post,CV,", "post,NOPE,", StringComparison.Ordinal).Replace("agency,AG,", "agency,U1,", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { Row: 2, Column: "scope_id" } && e.MessageEn.Contains("No post 'NOPE'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 11, Column: "scope_id" } && e.Message.Contains("không phải là đơn vị được đánh dấu là cơ quan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Vietnamese_headers_and_values_are_read_as_the_English_ones()
    {
        await OrganisationAsync();
        const string vietnamese = """
            Mã biểu điểm,Áp dụng cho,Mã áp dụng,Mã tiêu chí,Tên tiêu chí,Tên tiêu chí tiếng Anh,Nhóm tiêu chí,Điểm tối đa,Thành phần lãnh đạo,Cách chấm
            BD-TP,Vị trí,TP,chung,Tiêu chí chung,General,Chung,"22,5",,
            BD-TP,Vị trí,TP,chung-2,Tiêu chí chung 2,General 2,Chung,"7,5",,
            BD-TP,Vị trí,TP,ca-nhan,Kết quả cá nhân,Own results,Nhiệm vụ,30,,
            BD-TP,Vị trí,TP,don-vi,Kết quả đơn vị,Unit,Nhiệm vụ,20,Kết quả đơn vị,Mọi công chức từ Hoàn thành
            BD-TP,Vị trí,TP,to-chuc,Tổ chức thực hiện,Organisation,Nhiệm vụ,20,Tổ chức thực hiện,
            BD-G1,Nhóm,G1,chung,Tiêu chí chung,General,Tiêu chí chung,"7,5",,
            BD-G1,Nhóm,G1,chung-2,Tiêu chí chung 2,General 2,Tiêu chí chung,"22,5",,
            BD-G1,Nhóm,G1,nv,Nhiệm vụ,Tasks,Kết quả thực hiện nhiệm vụ,70,,
            """;

        var result = await _host.CsvAsync(ImportKind.ScoreSheets, vietnamese);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var rows = await _host.QueryAsync(db => db.ScoreSheetCriteria.ToListAsync());
        Assert.Equal(8, rows.Count);
        Assert.Equal(30m, rows.Where(r => r is { SheetExternalId: "BD-TP", Group: "general" }).Sum(r => r.Max));
        Assert.Equal("unit_results", rows.Single(r => r.CriterionId == "don-vi").LeaderComponent);
        Assert.NotNull(rows.Single(r => r is { SheetExternalId: "BD-G1", CriterionId: "nv" }).TaskGroupId);
        Assert.Equal(ImportKind.ScoreSheets, ImportKinds.Find("Biểu điểm 2026.xlsx"));
    }
}
