using System.Text;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>
/// Files the bot does not import: from someone not on the organisation board, from a shared conversation, of another
/// type, without a kind, too large, behind a link that is not http(s). None of them writes anything; most are never fetched.
/// </summary>
public sealed class FileImportRefusalTests : IAsyncLifetime
{
    private const int MaxBytes = 2048;

    private FileImportHost _host = null!;

    public async Task InitializeAsync() => _host = await FileImportHost.StartAsync(new Dictionary<string, string?>
    {
        ["Admin:MaxImportBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FileImport:DownloadTimeout"] = "00:00:00.500",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string PeopleUrl() => _host.Downloads.Serve(Encoding.UTF8.GetBytes(FileImportTests.NewPeople));

    [Theory]
    [InlineData("aad-head")]
    [InlineData("aad-staff")]
    [InlineData("aad-stranger")]
    public async Task Anyone_not_on_the_board_is_refused_politely_and_the_file_is_never_fetched(string user)
    {
        var reply = await _host.SendFileAsync(user, "people.csv", PeopleUrl());

        Assert.Contains("chỉ thành viên Ban Tổ chức", reply, StringComparison.Ordinal);
        Assert.Equal(0, _host.Downloads.Requests);
        Assert.Equal(3, await _host.PeopleAsync());
        Assert.Empty(await _host.ImportAuditsAsync());
    }

    [Theory]
    [InlineData("groupChat", "19:group-chat@thread.v2")]
    [InlineData("channel", "19:channel@thread.tacv2")]
    public async Task In_a_group_chat_or_channel_a_file_is_neither_fetched_nor_imported(string type, string conversationId)
    {
        var activity = _host.FileMessage("aad-board", "people.csv", PeopleUrl());
        activity["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = type, ["isGroup"] = true, ["tenantId"] = Support.Activities.TenantId };

        var reply = Assert.Single(await _host.PostAsync(activity));

        Assert.Equal("EvalBot chỉ nhận tệp trong trò chuyện riêng với EvalBot. Hãy gửi tệp ở đó.", reply);
        Assert.Equal(0, _host.Downloads.Requests);
        Assert.Equal(3, await _host.PeopleAsync());
    }

    [Theory]
    [InlineData("photo.png")]
    [InlineData("bao-cao.docx")]
    [InlineData("people")]
    public async Task A_file_of_another_type_is_refused_unread(string name)
    {
        var reply = await _host.SendFileAsync("aad-board", name, PeopleUrl());

        Assert.Contains("chỉ nhập tệp .xlsx hoặc .csv", reply, StringComparison.Ordinal);
        Assert.Equal(0, _host.Downloads.Requests);
    }

    [Fact]
    public async Task A_csv_whose_kind_cannot_be_told_gets_the_list_of_kinds_and_is_not_fetched()
    {
        var reply = await _host.SendFileAsync("aad-board", "danh-sach.csv", PeopleUrl(), "gửi đồng chí tệp");

        Assert.Contains("people (cán bộ, người)", reply, StringComparison.Ordinal);
        Assert.Contains("leave (nghỉ phép)", reply, StringComparison.Ordinal);
        Assert.Equal(0, _host.Downloads.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example.test/people.csv")]
    [InlineData("/download/people.csv")]
    [InlineData("")]
    public async Task A_link_that_is_not_http_is_never_followed(string url)
    {
        var reply = await _host.SendFileAsync("aad-board", "people.csv", url);

        Assert.Contains("đường dẫn Teams gửi kèm không hợp lệ", reply, StringComparison.Ordinal);
        Assert.Equal(0, _host.Downloads.Requests);
        Assert.Equal(3, await _host.PeopleAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_over_the_import_limit_is_refused_whether_or_not_its_length_is_announced(bool announced)
    {
        _host.Downloads.AnnounceLength = announced;
        var rows = string.Join("\n", Enumerable.Range(1, 200).Select(i => $"P-BIG{i},Người số {i},AG"));
        var url = _host.Downloads.Serve(Encoding.UTF8.GetBytes("person_id,full_name,unit_id\n" + rows));

        var reply = await _host.SendFileAsync("aad-board", "people.csv", url);

        Assert.Contains("Tệp lớn hơn", reply, StringComparison.Ordinal);
        Assert.Equal(3, await _host.PeopleAsync());
        Assert.Empty(await _host.ImportAuditsAsync());
    }

    [Fact]
    public async Task A_workbook_that_is_not_one_is_answered_with_an_error_and_nothing_is_written()
    {
        var reply = await _host.SendFileAsync("aad-board", "to-chuc.xlsx", PeopleUrl());

        Assert.Contains("không phải là bảng tính Excel hợp lệ", reply, StringComparison.Ordinal);
        Assert.Equal(3, await _host.PeopleAsync());
    }

    [Fact]
    public async Task A_download_that_fails_or_takes_too_long_asks_to_send_again()
    {
        var missing = await _host.SendFileAsync("aad-board", "people.csv", "https://files.example.test/gone.csv");
        _host.Downloads.Delay = TimeSpan.FromSeconds(30);
        var slow = await _host.SendFileAsync("aad-board", "people.csv", PeopleUrl());

        Assert.Contains("Không tải được tệp từ Teams", missing, StringComparison.Ordinal);
        Assert.Contains("Không tải được tệp từ Teams", slow, StringComparison.Ordinal);
        Assert.Equal(3, await _host.PeopleAsync());
    }
}
