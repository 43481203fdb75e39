using System.Text;
using EvalBot.Tests.Features.Organisation;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.MultiInstance;

/// <summary>
/// Files sent in chat on PostgreSQL with two instances: the import is written in the turn's transaction, so the same
/// activity handled by either instance, even by both at once, imports once; a refused file writes nothing.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class FileImportOnPostgresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task The_same_file_is_imported_once_whichever_instance_gets_it_and_a_bad_file_writes_nothing()
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "postgres", ["ConnectionStrings:EvalBot"] = postgres.ConnectionString };
        await using var a = await FileImportHost.StartAsync(settings);
        await using var b = await FileImportHost.StartAsync(settings, seed: false);
        var bytes = Encoding.UTF8.GetBytes(FileImportTests.NewPeople);

        // Delivered to A, redelivered to B: B finds the processed mark and fetches nothing.
        var url = a.Downloads.Serve(bytes);
        b.Downloads.ServeAt(url, bytes);
        var activity = a.FileMessage("aad-board", "people.csv", url);
        var first = Assert.Single(await a.PostAsync(activity));
        Assert.Single(await b.PostAsync(activity));
        Assert.Contains("2 tạo mới", first, StringComparison.Ordinal);
        Assert.Equal(0, b.Downloads.Requests);

        // Delivered to both at once: both may fetch it, one writes it, the other finds the rows (or the mark) and retries.
        var twice = Encoding.UTF8.GetBytes(FileImportTests.NewPeople + "\nP-NEW3,Lê Văn Ba,AG");
        var url2 = a.Downloads.Serve(twice);
        b.Downloads.ServeAt(url2, twice);
        var both = a.FileMessage("aad-board", "people.csv", url2);
        await Task.WhenAll(a.PostAsync(both), b.PostAsync(both));
        Assert.Equal(6, await a.PeopleAsync());
        Assert.Equal(2, (await a.ImportAuditsAsync()).Count);

        var bad = b.Downloads.Serve(Encoding.UTF8.GetBytes("person_id,full_name,unit_id\nP-BAD,Người Sai,U-NOPE"));
        var refused = await b.SendFileAsync("aad-board", "people.csv", bad);
        Assert.Contains("cột unit\\_id", refused, StringComparison.Ordinal);
        Assert.Equal(6, await b.PeopleAsync());
        Assert.Equal(2, (await b.ImportAuditsAsync()).Count);
        // EF Core logs the conflicting insert (and the migrations table on a fresh database) as errors of its own; the
        // turn's retry handles the conflict, so the app itself reports nothing.
        Assert.DoesNotContain(a.Bot.Logs.Errors.Concat(b.Bot.Logs.Errors), e => e.Category.StartsWith("EvalBot", StringComparison.Ordinal));
    }
}
