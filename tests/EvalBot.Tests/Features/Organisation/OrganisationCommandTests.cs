using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

public sealed class OrganisationCommandTests : IDisposable
{
    private readonly ImportHost _host = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("evalbot-import-").FullName;

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OrganisationCommand.RunAsync(args, _host.Factory.Services, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Imports_a_csv_file_prints_the_report_and_exits_0()
    {
        var (exit, output, _) = await RunAsync("import", Write("units.csv", Csv.Units), "--kind", "đơn vị");

        Assert.Equal(0, exit);
        Assert.Contains("\"created\": 3", output, StringComparison.Ordinal);
        Assert.Equal("cli", await _host.QueryAsync(db => db.AuditLog.Where(a => a.Action == "organisation.import").Select(a => a.Actor).SingleAsync()));
    }

    [Fact]
    public async Task Imports_an_xlsx_file_without_a_kind()
    {
        var path = Path.Combine(_folder, "org.xlsx");
        await File.WriteAllBytesAsync(path, new XlsxBuilder().Sheet("units", ["unit_id", "name"], ["AG", "Văn phòng"]).Build());

        var (exit, _, _) = await RunAsync("import", path);

        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task A_refused_file_exits_1_with_the_errors_and_writes_nothing()
    {
        var (exit, _, error) = await RunAsync("import", Write("people.csv", "person_id,full_name,unit_id\nP1,An,NOPE\n"), "--kind", "people");

        Assert.Equal(1, exit);
        Assert.Contains("people:2 [unit_id]", error, StringComparison.Ordinal);
        Assert.Equal(0, await _host.QueryAsync(db => db.People.CountAsync()));
    }

    [Theory]
    [InlineData("missing file", "import")]
    [InlineData("a CSV file needs --kind", "import", "units.csv")]
    [InlineData("unknown kind 'ships'", "import", "units.csv", "--kind", "ships")]
    [InlineData("option --kind needs a value", "import", "units.csv", "--kind")]
    [InlineData("unknown option '--force'", "import", "units.csv", "--force")]
    public async Task Usage_errors_exit_2_with_the_reason(string reason, params string[] args)
    {
        var path = Write("units.csv", Csv.Units);

        var (exit, _, error) = await RunAsync([.. args.Select(a => a == "units.csv" ? path : a)]);

        Assert.Equal(2, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(OrganisationCommand.Usage, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_a_folder_of_kind_named_csv_files_as_one_file()
    {
        Write("people.csv", "person_id,full_name,unit_id\nP1,Nguyễn Văn An,U1\n");
        Write("units.csv", "unit_id,name,head_person_id\nU1,Phòng Tổng hợp,P1\n");

        var (exit, output, error) = await RunAsync("import", _folder);

        Assert.Equal(0, exit);
        Assert.Contains("\"people\"", output, StringComparison.Ordinal);
        Assert.Empty(error);
        Assert.NotNull(await _host.QueryAsync(db => db.Units.Select(u => u.HeadPersonId).SingleAsync()));
    }

    [Fact]
    public async Task A_folder_with_a_file_not_named_after_a_kind_is_refused()
    {
        Write("units.csv", Csv.Units);
        Write("notes.csv", "a\nb\n");

        var (exit, _, error) = await RunAsync("import", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("notes.csv", error, StringComparison.Ordinal);
        Assert.Equal(0, await _host.QueryAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task A_missing_file_exits_1()
    {
        var (exit, _, error) = await RunAsync("import", Path.Combine(_folder, "nope.csv"), "--kind", "units");

        Assert.Equal(1, exit);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }
}
