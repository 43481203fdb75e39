using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvalBot.Manifest;

/// <summary>
/// Builds the Teams app package from the <c>manifest</c> folder shipped with the app: fills the
/// <c>${{TEAMS_APP_ID}}</c>, <c>${{BOT_ID}}</c> and <c>${{BOT_DOMAIN}}</c> placeholders and writes a zip holding exactly
/// manifest.json, color.png and outline.png at its root, as Teams requires.
/// </summary>
public sealed partial class ManifestPackager(string sourceFolder)
{
    public static readonly string[] Entries = ["manifest.json", "color.png", "outline.png"];

    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid AppIdNamespace = new("4d0b3f5e-7c1a-4e0e-9a55-6f2b9c8d1e70");
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The folder copied next to the app (the csproj ships <c>manifest/</c> to the output).</summary>
    public static string DefaultSourceFolder => Path.Combine(AppContext.BaseDirectory, "manifest");

    /// <summary>A stable app id for a bot id, so repeated packaging keeps one Teams app (RFC 9562 version 8, from SHA-256).</summary>
    public static Guid DeriveAppId(Guid botId)
    {
        Span<byte> input = stackalloc byte[32];
        AppIdNamespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        botId.TryWriteBytes(input[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>Fills the manifest; throws <see cref="ArgumentException"/> on an invalid id or domain.</summary>
    public JsonObject Fill(ManifestPackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var botId = ParseGuid(request.BotId, "--bot-id");
        var appId = request.AppId is null ? DeriveAppId(botId) : ParseGuid(request.AppId, "--app-id");
        if (request.Domain is not null && !DomainPattern().IsMatch(request.Domain))
        {
            throw new ArgumentException($"--domain must be a host name such as evalbot.example.gov.vn, not '{request.Domain}'");
        }

        var text = File.ReadAllText(Path.Combine(sourceFolder, "manifest.json"));
        var manifest = JsonNode.Parse(text)?.AsObject() ?? throw new InvalidDataException("manifest.json is not an object");
        if (request.Domain is null)
        {
            manifest.Remove("validDomains");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TEAMS_APP_ID"] = appId.ToString("D"),
            ["BOT_ID"] = botId.ToString("D"),
            ["BOT_DOMAIN"] = request.Domain ?? string.Empty,
        };
        return (JsonObject)Replace(manifest, values)!;
    }

    /// <summary>Writes the package zip to <see cref="ManifestPackageRequest.OutputPath"/>.</summary>
    public async Task PackAsync(ManifestPackageRequest request, CancellationToken cancellationToken = default)
    {
        var manifest = Fill(request);
        var output = Path.GetFullPath(request.OutputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await using var file = File.Create(output);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        await WriteEntryAsync(zip, "manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(WriteOptions)), cancellationToken);
        foreach (var icon in Entries.Skip(1))
        {
            await WriteEntryAsync(zip, icon, await File.ReadAllBytesAsync(Path.Combine(sourceFolder, icon), cancellationToken), cancellationToken);
        }
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        await using var stream = entry.Open();
        await stream.WriteAsync(content, cancellationToken);
    }

    private static JsonNode? Replace(JsonNode? node, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Replace(obj[key]?.DeepClone(), values);
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(n => Replace(n?.DeepClone(), values))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                var filled = Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
                    ? v
                    : throw new InvalidDataException($"manifest.json has an unknown placeholder {m.Value}"));
                return JsonValue.Create(filled);
            default:
                return node;
        }
    }

    private static Guid ParseGuid(string value, string option) =>
        Guid.TryParseExact(value, "D", out var guid) && guid != Guid.Empty
            ? guid
            : throw new ArgumentException($"{option} must be a GUID such as 00000000-0000-0000-0000-000000000000 (not empty), not '{value}'");

    [GeneratedRegex(@"\$\{\{([A-Z0-9_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")]
    private static partial Regex DomainPattern();
}
