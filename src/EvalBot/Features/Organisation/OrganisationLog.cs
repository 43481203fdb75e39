namespace EvalBot.Features.Organisation;

/// <summary>Log lines of the organisation import and the demo seed. Never logs cell contents: they hold personal data.</summary>
public static partial class OrganisationLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Organisation import by {Actor} ({Format}) applied: {Summary}")]
    public static partial void ImportApplied(ILogger logger, string actor, string format, string summary);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Organisation import by {Actor} ({Format}) refused with {ErrorCount} errors; nothing written")]
    public static partial void ImportRefused(ILogger logger, string actor, string format, int errorCount);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Organisation import by {Actor} ({Format}) failed while writing; rolled back")]
    public static partial void ImportFailed(ILogger logger, string actor, string format, Exception exception);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Information, Message = "A file sent in chat was not opened: the sender is not on the organisation board")]
    public static partial void FileNotAllowed(ILogger logger);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "A file sent in chat was not opened: {Reason}")]
    public static partial void FileNotOpened(ILogger logger, string reason);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "A file sent in chat could not be downloaded ({Failure}); nothing imported")]
    public static partial void FileDownloadFailed(ILogger logger, DownloadFailure failure);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Demo organisation seeded from {Folder}: {People} people, {Reports} confirmed reports")]
    public static partial void DemoSeeded(ILogger logger, string folder, int people, int reports);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Demo seed skipped: the database already has people")]
    public static partial void DemoSkipped(ILogger logger);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "Demo seed refused: {Reason}")]
    public static partial void DemoRefused(ILogger logger, string reason);
}
