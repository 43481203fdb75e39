namespace EvalBot.Features.Organisation;

/// <summary>
/// Bounds on untrusted files. A district has hundreds of people and a ministry tens of thousands of rows at most;
/// anything larger is a mistake or an attack, refused before it costs memory or time.
/// </summary>
public static class ImportLimits
{
    /// <summary>Data rows in one file, all sheets together.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Columns in one sheet.</summary>
    public const int MaxColumns = 64;

    /// <summary>Sheets in one workbook.</summary>
    public const int MaxSheets = 32;

    /// <summary>Characters in one cell before column-specific limits apply.</summary>
    public const int MaxCellLength = 4096;

    /// <summary>Characters in one decompressed workbook part: the guard against zip bombs.</summary>
    public const long MaxCharactersInPart = 64L * 1024 * 1024;

    /// <summary>Errors returned in one report; the total is always given.</summary>
    public const int MaxReportedErrors = 1000;

    /// <summary>
    /// Errors listed on the card answering a file sent in chat: far fewer than the API returns, so the card stays well
    /// under the size Teams accepts and can be read on a phone; the card gives the total and how many are not shown.
    /// </summary>
    public const int MaxErrorsInCard = 30;
}
