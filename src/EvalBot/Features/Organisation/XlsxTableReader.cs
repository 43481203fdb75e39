using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Reads the sheets of an XLSX workbook whose names are import kinds (English or Vietnamese); other sheets, such as
/// instructions, are ignored. Formula cells are read as their cached values and nothing is evaluated. The
/// OpenXml SDK refuses DTDs, so no external entity is ever resolved, and parts are bounded in size.
/// </summary>
public static class XlsxTableReader
{
    public static (IReadOnlyList<ImportTable> Tables, IReadOnlyList<ImportError> Errors) Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = ImportLimits.MaxCharactersInPart });
            return ReadWorkbook(document);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            return ([], [ImportError.File("xlsx", "Tệp không phải là bảng tính XLSX hợp lệ.", "The file is not a valid XLSX workbook.")]);
        }
    }

    private static (IReadOnlyList<ImportTable>, IReadOnlyList<ImportError>) ReadWorkbook(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (sheets.Count > ImportLimits.MaxSheets)
        {
            return ([], [ImportError.File("xlsx", $"Bảng tính có quá {ImportLimits.MaxSheets} trang.", $"The workbook has more than {ImportLimits.MaxSheets} sheets.")]);
        }

        var cells = new XlsxCellText(workbook);
        var tables = new List<ImportTable>();
        var errors = new List<ImportError>();
        var rowCount = 0;
        foreach (var sheet in sheets)
        {
            var name = sheet.Name?.Value ?? "";
            if (ImportKinds.Parse(name) is not { } kind || sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            if (tables.Any(t => t.Kind == kind))
            {
                errors.Add(ImportError.File(name, $"Có hai trang cùng loại {kind.Name()}.", $"Two sheets hold the kind {kind.Name()}."));
                continue;
            }

            var rows = ReadRows(part, name, cells, errors);
            rowCount += rows.Count;
            if (rowCount > ImportLimits.MaxRows + tables.Count + 1)
            {
                return ([], [ImportError.File(name, $"Tệp có quá {ImportLimits.MaxRows} dòng.", $"The file has more than {ImportLimits.MaxRows} rows.")]);
            }

            if (rows.Count > 0)
            {
                tables.Add(new ImportTable(name, kind, rows[0].Cells, rows.Skip(1).ToList(), rows[0].Number, NumbersMayBeDates: true));
            }
        }

        if (tables.Count == 0 && errors.Count == 0)
        {
            errors.Add(ImportError.File("xlsx", "Không có trang nào mang tên một loại dữ liệu (units, people, …).", "No sheet is named after a kind (units, people, …)."));
        }

        return (tables, errors);
    }

    private static List<ImportRow> ReadRows(WorksheetPart part, string sheet, XlsxCellText cells, List<ImportError> errors)
    {
        var rows = new List<ImportRow>();
        var data = part.Worksheet?.GetFirstChild<SheetData>();
        var next = 1;
        foreach (var row in data?.Elements<Row>() ?? [])
        {
            var number = (int)Math.Min(row.RowIndex?.Value ?? (uint)next, int.MaxValue);
            next = number + 1;
            var values = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? values.Count;
                if (column >= ImportLimits.MaxColumns)
                {
                    errors.Add(new ImportError(sheet, number, null, "Số cột vượt giới hạn.", "The number of columns exceeds the limit."));
                    return [];
                }

                while (values.Count < column) values.Add("");
                var text = cells.Text(cell);
                if (text.Length > ImportLimits.MaxCellLength)
                {
                    errors.Add(new ImportError(sheet, number, null, "Ô vượt quá độ dài cho phép.", "A cell exceeds the length limit."));
                    return [];
                }

                if (values.Count == column) values.Add(text); else values[column] = text;
            }

            if (values.Any(v => v.Length > 0))
            {
                rows.Add(new ImportRow(number, values));
            }
        }

        return rows;
    }

    /// <summary>Zero-based column of a reference such as <c>C12</c>; null when absent or malformed.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (++letters > 3) return int.MaxValue;
        }

        return letters == 0 ? null : index - 1;
    }
}
