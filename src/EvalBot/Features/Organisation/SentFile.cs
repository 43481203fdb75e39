using EvalBot.Protocol;

namespace EvalBot.Features.Organisation;

/// <summary>
/// What a Teams <c>file.download.info</c> attachment says about a file, all untrusted: its name, its format by its
/// extension (or Teams' <c>fileType</c>), and its download link when that is an absolute http(s) URL.
/// </summary>
/// <param name="Name">The file name as sent, cut to 200 characters; for display only.</param>
/// <param name="Format"><c>xlsx</c> or <c>csv</c>; null for any other type.</param>
/// <param name="Link">Null when the link is missing or not http(s).</param>
public sealed record SentFile(string Name, string? Format, Uri? Link)
{
    private const int MaxNameLength = 200;

    /// <summary>The name without its extension, where a CSV file's kind may be read (<c>targets-2026</c>).</summary>
    public string Stem => Path.GetFileNameWithoutExtension(Name);

    public static SentFile From(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var content = attachment.Content as System.Text.Json.Nodes.JsonObject;
        var name = attachment.Name ?? "";
        if (name.Length > MaxNameLength) name = name[..MaxNameLength];
        var extension = Path.GetExtension(name).TrimStart('.');
        var type = (extension.Length > 0 ? extension : JsonRead.Text(content, "fileType") ?? "").ToLowerInvariant();
        return new SentFile(name, type is "xlsx" or "csv" ? type : null, FileDownload.Link(JsonRead.Text(content, "downloadUrl")));
    }
}
