using System.Net;
using EvalBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EvalBot.Tests.Features.Classification;

/// <summary>
/// The download link beside the file consent card: it gives the official list once, for ten minutes, to the person it
/// was issued to as they may see it at download time; anything forged, altered, reused or expired is a bare 404.
/// </summary>
public sealed class ExportLinkTests : IAsyncLifetime
{
    private ExportHost _host = null!;

    public async Task InitializeAsync() => _host = await ExportHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> LinkAsync(string user, string text = "xuất 2026")
    {
        var queued = await _host.SayAsync(text, user);
        var path = ExportHost.LinkPath(Assert.Single(queued));
        Assert.NotEqual("", path);
        return path;
    }

    [Fact]
    public async Task A_link_gives_the_official_list_once()
    {
        var path = await LinkAsync("aad-board");

        var first = await _host.Host.Client.GetAsync(path);
        var second = await _host.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ExportHost.Entries(await _host.AdminXlsxAsync()), ExportHost.Entries(await first.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(1, await _host.AuditCountAsync("classification.export.link.used"));
    }

    [Fact]
    public async Task A_link_issued_by_one_instance_is_served_once_by_any_instance_of_the_same_database()
    {
        var path = await LinkAsync("aad-board");
        var database = _host.Host.Bot.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:EvalBot"];
        await using var other = new EvalBotFactory(
            new Dictionary<string, string?> { ["ConnectionStrings:EvalBot"] = database, ["Scheduling:Enabled"] = "false" },
            services => services.AddSingleton<TimeProvider>(_host.Clock));
        using var client = other.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Host.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_link_expires_after_ten_minutes()
    {
        var early = await LinkAsync("aad-board");
        var late = await LinkAsync("aad-board");

        _host.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, (await _host.Host.Client.GetAsync(early)).StatusCode);
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Host.Client.GetAsync(late)).StatusCode);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("short")]
    [InlineData("random")]
    [InlineData("admin")]
    public async Task A_forged_or_altered_link_is_404_without_detail(string forgery)
    {
        var path = await LinkAsync("aad-board");
        var token = path["/files/".Length..];
        var forged = forgery switch
        {
            "flip" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "short" => token[..^2],
            "random" => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            _ => "..%2Fadmin%2Fyears%2F2026%2Fclassification.xlsx",
        };

        var response = await _host.Host.Client.GetAsync("/files/" + forged);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _host.Host.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_heads_link_gives_their_units_list_and_nothing_once_they_no_longer_lead_it()
    {
        var kept = await LinkAsync("aad-head");
        var revoked = await LinkAsync("aad-head");

        var response = await _host.Host.Client.GetAsync(kept);
        Assert.Equal(ExportHost.Entries(await _host.AdminXlsxAsync("TEAM")), ExportHost.Entries(await response.Content.ReadAsByteArrayAsync()));
        await _host.Host.Bot.QueryAsync(async db =>
        {
            var team = await db.Units.FindAsync(_host.Host.Team.Id);
            team!.HeadPersonId = null;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await _host.Host.Client.GetAsync(revoked)).StatusCode);
    }
}
