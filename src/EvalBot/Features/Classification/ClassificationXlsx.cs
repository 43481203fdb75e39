using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EvalBot.Features.Classification;

/// <summary>One line of the official list.</summary>
public sealed record ClassificationLine(string Name, string Post, string Unit, decimal? Score, string Level, string Note);

/// <summary>
/// The unit's list in the layout of the official summary (STT, Họ và tên, Chức vụ, Đơn vị, Điểm, Mức xếp loại, Ghi chú),
/// with Vietnamese headers, as an XLSX workbook. Text is written as inline strings, so no user text is ever read as a
/// formula. Feedback never appears here except as aggregates.
/// </summary>
public static class ClassificationXlsx
{
    public static readonly string[] Headers = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Điểm", "Mức xếp loại", "Ghi chú"];

    public static byte[] Write(int year, string unitName, IReadOnlyList<ClassificationLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            // Fixed relationship ids (the library draws random ones): the same list gives the same bytes, and the size
            // announced on a file consent card is the size uploaded once the user accepts.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>("rId1");
            var data = new SheetData();
            data.Append(Row(1, [$"DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {year.ToString(CultureInfo.InvariantCulture)}"]));
            data.Append(Row(2, [$"Đơn vị: {unitName}"]));
            data.Append(Row(4, Headers));
            for (var i = 0; i < lines.Count; i++)
            {
                var l = lines[i];
                var row = new Row { RowIndex = (uint)(5 + i) };
                row.Append(Number(i + 1), Text(l.Name), Text(l.Post), Text(l.Unit), l.Score is { } s ? Number(s) : Text(""), Text(l.Level), Text(l.Note));
                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Xếp loại " + year.ToString(CultureInfo.InvariantCulture) });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> values)
    {
        var row = new Row { RowIndex = index };
        row.Append(values.Select(v => (OpenXmlElement)Text(v)));
        return row;
    }

    private static Cell Text(string value) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) };

    private static Cell Number(decimal value) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString("0.##", CultureInfo.InvariantCulture)) };
}
