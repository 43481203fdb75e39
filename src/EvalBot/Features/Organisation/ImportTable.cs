namespace EvalBot.Features.Organisation;

/// <summary>One CSV file or one XLSX sheet as text cells, before any meaning is given to them.</summary>
/// <param name="Sheet">The sheet name, or the kind's name for a CSV file; quoted in error reports.</param>
/// <param name="Kind">What the rows are.</param>
/// <param name="Headers">The header row as written.</param>
/// <param name="Rows">The data rows that are not blank.</param>
/// <param name="HeaderRow">The row number of the header.</param>
/// <param name="NumbersMayBeDates">True for spreadsheets, where a date can arrive as a serial day number.</param>
public sealed record ImportTable(string Sheet, ImportKind Kind, IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows, int HeaderRow = 1, bool NumbersMayBeDates = false);

/// <summary>A data row with its number in the file (the line or the sheet row), for error reports.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string> Cells);

/// <summary>Where a row came from.</summary>
public readonly record struct RowLocation(string Sheet, int Row);
