using System.IO.Compression;
using System.Text.Json.Nodes;
using EvalBot.Manifest;
using EvalBot.Tests.Support;

namespace EvalBot.Tests.Manifest;

/// <summary>The Teams app package: exactly three files at the root, right icons, and a manifest the official schema accepts.</summary>
public sealed class ManifestPackagerTests : IDisposable
{
    private const string BotId = "1b6f6c1e-3f7a-4c55-9a7e-2d1f0b9c4e11";
    private readonly string _folder = Directory.CreateTempSubdirectory("evalbot-manifest-").FullName;

    private string ZipPath => Path.Combine(_folder, "app.zip");

    [Fact]
    public async Task Pack_writes_exactly_manifest_and_icons_at_the_zip_root()
    {
        var exit = await PackAsync("--domain", "evalbot.example.gov.vn");
        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(ZipPath);
        Assert.Equal(ManifestPackager.Entries.Order(), zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public async Task Icons_are_192_color_and_32_transparent_white_outline()
    {
        await PackAsync();
        var color = PngImage.Read(Entry("color.png"));
        var outline = PngImage.Read(Entry("outline.png"));
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal((8, 6), ((int)outline.BitDepth, (int)outline.ColorType));
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => outline.Pixel(i % 32, i / 32)).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, outline.Pixel(0, 0).A);
        Assert.Contains(pixels, p => p.A == 255);
        Assert.True(pixels.Count(p => p.A == 0) > pixels.Count / 2, "the outline background must be transparent");
    }

    [Fact]
    public async Task Filled_manifest_has_the_ids_and_the_derived_app_id_is_stable()
    {
        await PackAsync("--domain", "evalbot.example.gov.vn");
        var manifest = JsonNode.Parse(Entry("manifest.json"))!;
        var expectedAppId = ManifestPackager.DeriveAppId(Guid.Parse(BotId)).ToString();
        Assert.Equal(expectedAppId, (string?)manifest["id"]);
        Assert.Equal(expectedAppId, ManifestPackager.DeriveAppId(Guid.Parse(BotId)).ToString());
        Assert.NotEqual(BotId, expectedAppId);
        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("evalbot.example.gov.vn", (string?)manifest["validDomains"]![0]);
        Assert.DoesNotContain("${{", manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("EvalBot – Đánh giá cán bộ liên tục", (string?)manifest["name"]!["full"]);
    }

    [Fact]
    public async Task An_explicit_app_id_is_used_and_no_domain_means_no_valid_domains()
    {
        await PackAsync("--app-id", "8b6f6c1e-3f7a-4c55-9a7e-2d1f0b9c4e11");
        var manifest = JsonNode.Parse(Entry("manifest.json"))!.AsObject();
        Assert.Equal("8b6f6c1e-3f7a-4c55-9a7e-2d1f0b9c4e11", (string?)manifest["id"]);
        Assert.False(manifest.ContainsKey("validDomains"));
    }

    [Fact]
    public async Task Official_schema_accepts_the_filled_manifest_and_rejects_only_the_placeholders_of_the_template()
    {
        await PackAsync("--domain", "evalbot.example.gov.vn");
        var filled = JsonNode.Parse(Entry("manifest.json"))!;
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Manifest, "manifest.json")))!;
        var input = new JsonObject
        {
            ["cases"] = new JsonArray
            {
                new JsonObject { ["id"] = "filled", ["manifest"] = filled },
                new JsonObject { ["id"] = "template", ["manifest"] = template },
            },
        };

        var results = await NodeScript.RunCasesAsync("manifest-oracle.cjs", input);

        Assert.Empty(results["filled"]["errors"]!.AsArray());
        var failing = results["template"]["errors"]!.AsArray().Select(e => ((string)e!).Split(' ')[0]).Order();
        Assert.Equal(["/bots/0/botId", "/id"], failing);
    }

    [Fact]
    public void Manifest_lists_the_eight_personal_commands_and_only_help_for_teams_and_group_chats()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Manifest, "manifest.json")))!;
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        var personal = lists.Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == "personal"))!;
        var shared = lists.Single(l => l!["scopes"]!.AsArray().Any(s => (string?)s == "team"))!;
        Assert.Equal(["báo cáo", "góp ý", "tóm tắt", "đơn vị", "hồ sơ", "xếp loại", "xuất", "đảng viên", "quản trị", "trợ giúp"], personal["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal(["trợ giúp"], shared["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal(["team", "groupChat"], shared["scopes"]!.AsArray().Select(s => (string?)s));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<int> PackAsync(params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ManifestCommand.RunAsync(["pack", "--bot-id", BotId, "--out", ZipPath, "--source", RepoPaths.Manifest, .. extra], output, error);
        Assert.True(exit == 0, error.ToString());
        return exit;
    }

    private byte[] Entry(string name)
    {
        using var zip = ZipFile.OpenRead(ZipPath);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
