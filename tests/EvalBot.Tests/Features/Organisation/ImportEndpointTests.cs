using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using EvalBot.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EvalBot.Tests.Features.Organisation;

public sealed class ImportEndpointTests : IDisposable
{
    private const string Key = "test-admin-key";
    private readonly ImportHost _host = new(new Dictionary<string, string?> { ["Admin:ApiKey"] = Key, ["Admin:MaxImportBytes"] = "4096" });

    public void Dispose() => _host.Dispose();

    private static HttpRequestMessage Post(string path, byte[] body, string contentType, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (key is not null) request.Headers.Add("X-Admin-Key", key);
        return request;
    }

    [Fact]
    public async Task A_good_csv_answers_200_with_the_counts()
    {
        using var client = _host.Factory.CreateClient();

        using var response = await client.SendAsync(Post("/admin/org/import?kind=units", Encoding.UTF8.GetBytes(Csv.Units), "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<ImportReport>();
        Assert.Equal(new KindCounts("units", 3, 0, 0), report!.For(ImportKind.Units));
    }

    [Fact]
    public async Task An_xlsx_body_is_recognised_by_its_signature_whatever_the_content_type()
    {
        using var client = _host.Factory.CreateClient();
        var workbook = new XlsxBuilder().Sheet("units", ["unit_id", "name"], ["AG", "Văn phòng"]).Build();

        using var response = await client.SendAsync(Post("/admin/org/import", workbook, "application/octet-stream"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await _host.QueryAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task Bad_rows_answer_400_with_the_line_by_line_report_and_write_nothing()
    {
        using var client = _host.Factory.CreateClient();

        using var response = await client.SendAsync(Post("/admin/org/import?kind=people", "person_id,full_name,unit_id\nP1,,NOPE\n"u8.ToArray(), "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"sheet\":\"people\"", json, StringComparison.Ordinal);
        Assert.Contains("\"row\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"column\":\"full_name\"", json, StringComparison.Ordinal);
        Assert.Contains("\"messageEn\"", json, StringComparison.Ordinal);
        Assert.Equal(0, await _host.QueryAsync(db => db.People.CountAsync()));
    }

    [Theory]
    [InlineData("/admin/org/import")]
    [InlineData("/admin/org/import?kind=spaceships")]
    public async Task A_csv_without_a_known_kind_answers_400(string path)
    {
        using var client = _host.Factory.CreateClient();

        using var response = await client.SendAsync(Post(path, Encoding.UTF8.GetBytes(Csv.Units), "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_and_writes_nothing()
    {
        using var client = _host.Factory.CreateClient();
        var big = Encoding.UTF8.GetBytes("unit_id,name\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"U{i},Phòng {i}\n")));

        using var response = await client.SendAsync(Post("/admin/org/import?kind=units", big, "text/csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => db.Units.CountAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_missing_or_wrong_admin_key_answers_401(string? key)
    {
        using var client = _host.Factory.CreateClient();

        using var response = await client.SendAsync(Post("/admin/org/import?kind=units", Encoding.UTF8.GetBytes(Csv.Units), "text/csv", key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task Without_a_configured_key_the_endpoint_answers_404()
    {
        using var host = new ImportHost();
        using var client = host.Factory.CreateClient();

        using var response = await client.SendAsync(Post("/admin/org/import?kind=units", Encoding.UTF8.GetBytes(Csv.Units), "text/csv", "anything"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
