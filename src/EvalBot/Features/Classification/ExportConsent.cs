using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Protocol;
using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Classification;

/// <summary>
/// The answer to an export's file consent card. Accept: the offer is spent only by the person it was made to (the
/// activity's sender, never the context), their right to the unit is checked again, the list is built for them now,
/// uploaded to Teams, and a file card sent. Decline: a short line, nothing uploaded. Always answered 200.
/// </summary>
public sealed partial class ExportConsent(
    ExportGrants grants, ExportAccess access, ClassificationExport export, FileUploader uploader, CardTemplates templates,
    Auditing.AuditLog audit, ILogger<ExportConsent> logger) : IFileConsentHandler
{
    public async Task<InvokeResponse> HandleAsync(TurnContext turn, FileConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(consent);
        var text = new TextTable(templates, turn.Language);
        var me = await turn.SenderAsync(cancellationToken);
        if (!consent.Accepted)
        {
            audit.Record(me?.AadObjectId ?? turn.UserAadObjectId ?? "", "classification.export.declined", "classification",
                JsonRead.Text(consent.Context, "unit") ?? "", null, turn.Now);
            turn.Reply(TurnContext.TextMessage(text["exportCancelled"]));
            return InvokeResponse.Done;
        }

        var grant = me is null ? null : await grants.SpendAsync(JsonRead.Text(consent.Context, "id"), ExportGrant.ConsentPurpose, me.Id, turn.Now, cancellationToken);
        var file = me is null || grant is null || consent.Upload is null || !await access.MayExportAsync(me, grant.UnitId, cancellationToken)
            ? null
            : await export.BuildAsync(grant.Year, grant.UnitId, cancellationToken);
        if (me is null || grant is null || consent.Upload is null || file is null || !Matches(grant, file, consent.Context))
        {
            LogRefused(logger);
            turn.Reply(TurnContext.TextMessage(text["exportOfferInvalid"]));
            return InvokeResponse.Done;
        }

        if (!await uploader.PutAsync(consent.Upload.UploadUrl, file.Bytes, cancellationToken))
        {
            turn.Reply(TurnContext.TextMessage(text["exportUploadFailed"]));
            return InvokeResponse.Done;
        }

        audit.Record(me.AadObjectId ?? me.ExternalId, "classification.export.uploaded", "classification", grant.Year.ToString(CultureInfo.InvariantCulture),
            new { unit = file.Root.ExternalId, bytes = file.Bytes.Length }, turn.Now);
        turn.Reply(FileInfo(consent.Upload, file.Name));
        return InvokeResponse.Done;
    }

    /// <summary>The context must name the offer's own year and unit: a context altered to another one is refused.</summary>
    private static bool Matches(ExportGrant grant, ExportFile file, JsonObject context) =>
        JsonRead.Number(context["year"]) == grant.Year && JsonRead.Text(context, "unit") == file.Root.ExternalId;

    private static JsonObject FileInfo(FileUploadInfo upload, string name) => new()
    {
        ["type"] = ActivityTypes.Message,
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = ActivityTypes.FileInfoCardContentType,
            ["contentUrl"] = upload.ContentUrl,
            ["name"] = upload.Name is { Length: > 0 } uploaded ? uploaded : name,
            ["content"] = new JsonObject { ["uniqueId"] = upload.UniqueId, ["fileType"] = upload.FileType is { Length: > 0 } type ? type : "xlsx" },
        }),
    };

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "File consent refused: unknown, spent, expired or another person's offer, or no longer allowed")]
    private static partial void LogRefused(ILogger logger);
}
