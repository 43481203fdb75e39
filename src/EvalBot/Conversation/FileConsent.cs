using System.Text.Json.Nodes;
using EvalBot.Protocol;

namespace EvalBot.Conversation;

/// <summary>
/// The user's answer to a file consent card (<c>invoke</c> named <c>fileConsent/invoke</c>): accept or decline, the
/// context the bot put on the card, and where Teams lets the bot upload the file. Everything here is untrusted: the
/// context only says which offer is answered, never who answers (that is the activity's sender).
/// </summary>
public sealed record FileConsent(bool Accepted, JsonObject Context, FileUploadInfo? Upload)
{
    /// <summary>Reads <c>value</c>; null when it is not a file upload answer.</summary>
    public static FileConsent? From(JsonNode? value)
    {
        if (value is not JsonObject o || JsonRead.Text(o, "type") is not (null or "fileUpload"))
        {
            return null;
        }

        var accepted = JsonRead.Text(o, "action") switch
        {
            "accept" => true,
            "decline" => false,
            _ => (bool?)null,
        };
        if (accepted is null)
        {
            return null;
        }

        var context = JsonRead.ObjectAt(o, "context")?.DeepClone().AsObject() ?? [];
        var info = JsonRead.ObjectAt(o, "uploadInfo");
        var upload = info is null ? null : new FileUploadInfo(
            JsonRead.Text(info, "name") ?? "", JsonRead.Text(info, "uploadUrl") ?? "", JsonRead.Text(info, "contentUrl") ?? "",
            JsonRead.Text(info, "uniqueId") ?? "", JsonRead.Text(info, "fileType") ?? "");
        return new FileConsent(accepted.Value, context, upload);
    }
}

/// <summary>Where an accepted file goes: <see cref="UploadUrl"/> takes the bytes; the others describe the stored file.</summary>
public sealed record FileUploadInfo(string Name, string UploadUrl, string ContentUrl, string UniqueId, string FileType);
