using System.Text;
using EvalBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>A member of the organisation board imports by sending the file to the bot in personal chat.</summary>
public sealed class FileImportTests : IAsyncLifetime
{
    public const string NewPeople = """
        person_id,full_name,unit_id
        P-NEW1,Nguyễn Văn Mới,AG
        P-NEW2,Trần Thị Mới,AG
        """;

    private FileImportHost _host = null!;

    public async Task InitializeAsync() => _host = await FileImportHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_csv_named_after_its_kind_is_imported_and_answered_with_the_counts()
    {
        var url = _host.Downloads.Serve(Encoding.UTF8.GetBytes(NewPeople));

        var reply = await _host.SendFileAsync("aad-board", "people.csv", url);

        Assert.Contains("Đã nhập dữ liệu", reply, StringComparison.Ordinal);
        Assert.Contains("Cán bộ", reply, StringComparison.Ordinal);
        Assert.Contains("2 tạo mới · 0 cập nhật · 0 không đổi", reply, StringComparison.Ordinal);
        Assert.Equal(5, await _host.PeopleAsync());
        var audit = Assert.Single(await _host.ImportAuditsAsync());
        Assert.Equal("aad-board", audit.Actor);
        Assert.Equal(1, _host.Downloads.Requests);
        Assert.Empty(_host.Bot.Logs.Errors);
    }

    [Theory]
    [InlineData("người", "danh-sach-2026.csv")]
    [InlineData("people", "export.csv")]
    [InlineData("", "Cán bộ quý 1-2026.csv")]
    [InlineData("", "nhan_su.csv")]
    public async Task A_csv_kind_is_read_from_the_message_or_the_file_name(string text, string name)
    {
        var url = _host.Downloads.Serve(Encoding.UTF8.GetBytes(NewPeople));

        var reply = await _host.SendFileAsync("aad-board", name, url, text);

        Assert.Contains("2 tạo mới", reply, StringComparison.Ordinal);
        Assert.Equal(5, await _host.PeopleAsync());
    }

    [Fact]
    public async Task A_workbook_is_imported_and_answered_in_english_for_an_english_client()
    {
        var workbook = new XlsxBuilder()
            .Sheet("Cán bộ", ["Mã cán bộ", "Họ và tên", "Mã đơn vị"], ["P-X1", "Phạm Văn Một", "AG"])
            .Sheet("leave", ["leave_id", "person_id", "kind", "from_date", "to_date"], ["L1", "P-X1", "ốm", "2026-02-02", "2026-02-03"])
            .Build();
        var url = _host.Downloads.Serve(workbook);

        var reply = await _host.SendFileAsync("aad-board", "to-chuc.xlsx", url, locale: "en-US");

        Assert.Contains("Imported.", reply, StringComparison.Ordinal);
        Assert.Contains("People", reply, StringComparison.Ordinal);
        Assert.Contains("Leave", reply, StringComparison.Ordinal);
        Assert.Contains("1 created · 0 updated · 0 unchanged", reply, StringComparison.Ordinal);
        Assert.Equal(1, await _host.Bot.QueryAsync(db => db.Leaves.CountAsync()));
    }

    [Fact]
    public async Task A_file_with_errors_is_answered_with_each_error_by_sheet_row_and_column_and_nothing_is_written()
    {
        var url = _host.Downloads.Serve(Encoding.UTF8.GetBytes("""
            person_id,full_name,unit_id
            P-BAD1,Người Một,AG
            P-BAD2,Người Hai,U-NOPE
            P-BAD3,Người Ba,U-NOPE
            """));

        var reply = await _host.SendFileAsync("aad-board", "people.csv", url);

        Assert.Contains("Chưa nhập: tệp có 2 lỗi", reply, StringComparison.Ordinal);
        Assert.Contains("people · dòng 3 · cột unit\\_id", reply, StringComparison.Ordinal);
        Assert.Contains("people · dòng 4 · cột unit\\_id", reply, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy đơn vị 'U-NOPE'", reply, StringComparison.Ordinal);
        Assert.Equal(3, await _host.PeopleAsync());
        Assert.Empty(await _host.ImportAuditsAsync());
    }

    [Fact]
    public async Task A_long_list_of_errors_is_cut_and_says_how_many_more()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 45).Select(i => $"P-BAD{i},Người {i},U-NOPE"));
        var url = _host.Downloads.Serve(Encoding.UTF8.GetBytes("person_id,full_name,unit_id\n" + rows));

        var reply = await _host.SendFileAsync("aad-board", "people.csv", url);

        Assert.Contains("tệp có 45 lỗi", reply, StringComparison.Ordinal);
        Assert.Contains("dòng 31 · cột", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("dòng 32 · cột", reply, StringComparison.Ordinal);
        Assert.Contains("… và 15 lỗi khác", reply, StringComparison.Ordinal);
        Assert.Equal(3, await _host.PeopleAsync());
    }

    [Fact]
    public async Task Two_files_in_one_message_are_imported_each_on_its_own()
    {
        var activity = _host.FileMessage("aad-board", "people.csv", _host.Downloads.Serve(Encoding.UTF8.GetBytes(NewPeople)));
        var leave = _host.FileMessage("aad-board", "nghi-phep.csv", _host.Downloads.Serve(Encoding.UTF8.GetBytes("""
            leave_id,person_id,kind,from_date,to_date
            L1,P-NOPE,ốm,2026-02-02,2026-02-03
            """)))["attachments"]![0]!.DeepClone();
        activity["attachments"]!.AsArray().Add(leave);

        var replies = await _host.PostAsync(activity);

        Assert.Equal(2, replies.Count);
        Assert.Contains("2 tạo mới", replies[0], StringComparison.Ordinal);
        Assert.Contains("leave · dòng 2 · cột person\\_id", replies[1], StringComparison.Ordinal);
        Assert.Equal(5, await _host.PeopleAsync());
        Assert.Equal(2, _host.Downloads.Requests);
    }

    [Fact]
    public async Task A_redelivered_activity_is_neither_downloaded_nor_imported_again()
    {
        var url = _host.Downloads.Serve(Encoding.UTF8.GetBytes(NewPeople));
        var activity = _host.FileMessage("aad-board", "people.csv", url);

        var first = await _host.PostAsync(activity);
        var again = await _host.PostAsync(activity);

        Assert.Single(first);
        Assert.Equal(first, again);
        Assert.Equal(1, _host.Downloads.Requests);
        Assert.Single(await _host.ImportAuditsAsync());
        Assert.Equal(5, await _host.PeopleAsync());
    }

    [Fact]
    public async Task The_same_file_sent_twice_changes_nothing_the_second_time()
    {
        await _host.SendFileAsync("aad-board", "people.csv", _host.Downloads.Serve(Encoding.UTF8.GetBytes(NewPeople)));

        var reply = await _host.SendFileAsync("aad-board", "people.csv", _host.Downloads.Serve(Encoding.UTF8.GetBytes(NewPeople)));

        Assert.Contains("0 tạo mới · 0 cập nhật · 2 không đổi", reply, StringComparison.Ordinal);
        Assert.Equal(5, await _host.PeopleAsync());
    }

    [Fact]
    public async Task The_download_link_never_reaches_the_logs()
    {
        var url = _host.Downloads.Serve(Encoding.UTF8.GetBytes(NewPeople));

        await _host.SendFileAsync("aad-board", "people.csv", url);

        Assert.DoesNotContain(_host.Bot.Logs.Entries, e => e.Message.Contains("tempauth", StringComparison.Ordinal) || e.Message.Contains("files.example.test", StringComparison.Ordinal));
    }
}
