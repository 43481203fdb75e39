using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>
/// Builds small workbooks the way spreadsheet programs write them: shared strings, inline strings, numbers,
/// dates as serial numbers with a date style, and formulas with cached values.
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<(string Name, List<object?[]> Rows)> _sheets = [];

    public XlsxBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows.ToList()));
        return this;
    }

    /// <summary>A formula cell whose cached value is <see cref="Cached"/>.</summary>
    public sealed record Formula(string Expression, string Cached);

    /// <summary>A string written inline in the cell instead of in the shared string table.</summary>
    public sealed record Inline(string Text);

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            uint sheetId = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (rows[r][c] is { } value) row.Append(Cell(value, $"{(char)('A' + c)}{r + 1}", shared.SharedStringTable));
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static Cell Cell(object value, string reference, SharedStringTable shared) => value switch
    {
        string s => Shared(s, reference, shared),
        Inline i => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(i.Text)) },
        DateOnly d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
        Formula f => new Cell { CellReference = reference, DataType = CellValues.String, CellFormula = new CellFormula(f.Expression), CellValue = new CellValue(f.Cached) },
        bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        _ => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
    };

    private static Cell Shared(string text, string reference, SharedStringTable shared)
    {
        shared.Append(new SharedStringItem(new Text(text)));
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((shared.Count() - 1).ToString(CultureInfo.InvariantCulture)) };
    }
}
