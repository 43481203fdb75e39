using System.Globalization;
using EvalBot.Cards;
using EvalBot.Conversation;
using EvalBot.Protocol;

namespace EvalBot.Features.Organisation;

/// <summary>
/// A file sent to the bot in personal chat (Teams' <c>file.download.info</c> attachment). A member of the organisation
/// board imports it with the same all-or-nothing importer as <c>POST /admin/org/import</c>, in the turn's unit of work
/// and as themselves in the audit log; a redelivered activity finds the turn's processed mark and imports nothing.
/// Anyone else is refused before anything is fetched, and the type, the kind of a CSV file and the link are checked
/// before the one download. The router never hands over a file from a team channel or group chat.
/// </summary>
public sealed class FileImportHandler(
    FileDownload download, OrganisationImporter importer, ImportResultCard card, CardTemplates templates, ILogger<FileImportHandler> logger) : IAttachmentHandler
{
    public const string DownloadInfoContentType = "application/vnd.microsoft.teams.file.download.info";

    public string ContentType => DownloadInfoContentType;

    public async Task HandleAsync(TurnContext turn, Attachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var me = await turn.SenderAsync(cancellationToken);
        var text = new TextTable(templates, turn.Language);
        if (me is not { IsOrganisationBoard: true })
        {
            OrganisationLog.FileNotAllowed(logger);
            turn.Reply(TurnContext.TextMessage(text["importNotAllowed"]));
            return;
        }

        var file = SentFile.From(attachment);
        // A CSV file holds one kind: the words next to the file say it, else its name. A workbook names its sheets.
        var kind = file.Format == "csv" ? ImportKinds.Find(CommandText.Clean(turn.Activity.Text)) ?? ImportKinds.Find(file.Stem) : null;
        var refusal = file switch
        {
            { Format: null } => "importWrongType",
            { Format: "csv" } when kind is null => "importNeedsKind",
            { Link: null } => "importBadLink",
            _ => null,
        };
        if (refusal is not null)
        {
            OrganisationLog.FileNotOpened(logger, refusal);
            turn.Reply(TurnContext.TextMessage(text[refusal]));
            return;
        }

        var downloaded = await download.GetAsync(file.Link!, cancellationToken);
        if (downloaded.Bytes is not { } bytes)
        {
            OrganisationLog.FileDownloadFailed(logger, downloaded.Failure);
            turn.Reply(TurnContext.TextMessage(downloaded.Failure == DownloadFailure.TooLarge
                ? text.Format("importTooLarge", text.Number(download.MaxBytes / (1024m * 1024m)))
                : text["importDownloadFailed"]));
            return;
        }

        var result = file.Format == "xlsx" && !ImportFormat.IsXlsx(bytes)
            ? ImportResult.Failed([ImportError.File(file.Name, "Tệp có đuôi .xlsx nhưng không phải là bảng tính Excel hợp lệ.", "The file ends in .xlsx but is not a valid Excel workbook.")])
            : await importer.ImportInUnitOfWorkAsync(bytes, kind, me.AadObjectId ?? me.ExternalId, turn.Now, cancellationToken);
        turn.Reply(TurnContext.CardMessage(card.Render(file.Name, result, text), Summary(result, text)));
    }

    private static string Summary(ImportResult result, TextTable text) =>
        result.Succeeded ? text["importApplied"] : text.Format("importRefused", result.Errors.Count.ToString(CultureInfo.InvariantCulture));
}
