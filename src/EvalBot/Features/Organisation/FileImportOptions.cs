namespace EvalBot.Features.Organisation;

/// <summary>
/// Configuration section <c>FileImport</c>: files sent to the bot in personal chat. Their size limit is the import's
/// own, <c>Admin:MaxImportBytes</c>, whichever way a file arrives.
/// </summary>
public sealed class FileImportOptions
{
    public const string Section = "FileImport";

    /// <summary>
    /// How long the whole download may take. The turn's transaction is open meanwhile (the import is written in it),
    /// so this stays short: a slow link answers "try again" rather than holding the database.
    /// </summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
