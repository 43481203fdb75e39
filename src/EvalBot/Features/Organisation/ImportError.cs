namespace EvalBot.Features.Organisation;

/// <summary>
/// One problem in an import file, at a sheet, row and column, in Vietnamese (<see cref="Message"/>) and English,
/// so the admin can fix the file line by line.
/// </summary>
/// <param name="Sheet">The sheet name, or the kind for a CSV file.</param>
/// <param name="Row">The row (CSV line or sheet row) the problem is on; 0 for the whole file.</param>
/// <param name="Column">The documented column name (or, for an unknown header, the header as written); null for the whole row or file.</param>
/// <param name="Message">What is wrong, in Vietnamese.</param>
/// <param name="MessageEn">What is wrong, in English.</param>
public sealed record ImportError(string Sheet, int Row, string? Column, string Message, string MessageEn)
{
    public static ImportError At(RowLocation at, string? column, string vi, string en) => new(at.Sheet, at.Row, column, vi, en);

    public static ImportError File(string sheet, string vi, string en) => new(sheet, 0, null, vi, en);
}
