using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using S = EvalBot.Core.OfficialListStyles;

namespace EvalBot.Core;

/// <summary>One line of an official list.</summary>
/// <param name="Score">The score, when the line has one.</param>
/// <param name="ScoreText">What the score cell says when there is no score (never empty).</param>
/// <param name="Decided">False for a draft: shown in italics, and the whole document is marked "DỰ THẢO".</param>
public sealed record OfficialListLine(string Name, string Post, string Unit, decimal? Score, string ScoreText, string Level, string Note, bool Decided);

/// <summary>
/// What differs between the official lists: the right-hand header (the national header of a state document, or the
/// Party's name on a Party document), the title, the scope line, the seven column headings, and the signature block.
/// </summary>
/// <param name="SheetName">The worksheet's name (at most 31 characters).</param>
/// <param name="RightTop">The first line on the right: the Republic, or "ĐẢNG CỘNG SẢN VIỆT NAM".</param>
/// <param name="RightMotto">The second line on the right, when the document has one (the motto of a state document).</param>
/// <param name="CountNoun">What the lines are counted as in the total ("người", "trường hợp").</param>
/// <param name="Headers">The seven column headings.</param>
/// <param name="SignerCaptions">The signer's bold caption lines (e.g. "T/M CHI ỦY", "BÍ THƯ").</param>
/// <param name="SignerHint">The italic line under them.</param>
public sealed record OfficialListLayout(
    string SheetName, string RightTop, string? RightMotto, string Title, string ScopeLine, string CountNoun, IReadOnlyList<string> Headers,
    IReadOnlyList<string> SignerCaptions, string SignerHint);

/// <summary>A document: its layout, the issuing body and the one above it, the date it is drawn up, who signs, its lines.</summary>
public sealed record OfficialListSheet(OfficialListLayout Layout, string Superior, string UnitName, DateOnly Date, string? SignerName, IReadOnlyList<OfficialListLine> Lines)
{
    /// <summary>Anything undecided: the document is a draft.</summary>
    public bool IsDraft => Lines.Any(l => !l.Decided);
}

/// <summary>
/// An official list as the office prints and signs it: the issuing body and the right-hand header, the date, the title, a
/// "DỰ THẢO" marker while any row is undecided, the table in seven columns (STT, name, post, unit, score, level, note) with
/// borders, its header row repeated on every printed page, a count per level and the signature block; A4 landscape,
/// fitted to the page width. Text is written as inline strings, so no user text is ever read as a formula. Feedback never
/// appears here. The state list and the Party list differ only in their <see cref="OfficialListLayout"/>.
/// </summary>
public static class OfficialListXlsx
{
    public const string DraftMarker = "DỰ THẢO";
    public const string Republic = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập – Tự do – Hạnh phúc";
    public const string PartyName = "ĐẢNG CỘNG SẢN VIỆT NAM";

    /// <summary>The row of the table's header (1-based): repeated at the top of every printed page.</summary>
    public const uint HeaderRow = 9;

    private static readonly double[] Widths = [6, 28, 22, 24, 10, 28, 34];

    public static byte[] Write(OfficialListSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (sheet.Layout.Headers.Count != Widths.Length) throw new ArgumentException("An official list has seven columns.", nameof(sheet));
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            // Fixed relationship ids (the library draws random ones): the same list gives the same bytes, and the size
            // announced on a file consent card is the size uploaded once the user accepts.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>("rId2");
            styles.Stylesheet = S.Create();
            var sheetPart = workbook.AddNewPart<WorksheetPart>("rId1");
            sheetPart.Worksheet = Worksheet(sheet);
            var name = sheet.Layout.SheetName;
            workbook.Workbook.Append(
                new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name }),
                new DefinedNames(new DefinedName { Name = "_xlnm.Print_Titles", LocalSheetId = 0, Text = FormattableString.Invariant($"'{name}'!${HeaderRow}:${HeaderRow}") }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(OfficialListSheet sheet)
    {
        var data = new SheetData();
        var merges = new MergeCells();
        void Put(uint row, string from, string to, string text, uint style)
        {
            Cell(data, row, from, text, style);
            if (from != to) merges.Append(new MergeCell { Reference = $"{from}{row}:{to}{row}" });
        }

        Header(sheet, Put);
        var next = Table(sheet, data);
        Footer(sheet, next, Put);
        merges.Count = (uint)merges.ChildElements.Count;
        var columns = new Columns([.. Widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })]);
        var footer = new HeaderFooter(new OddFooter("&C&\"Times New Roman\"&10Trang &P/&N"));
        if (sheet.IsDraft) footer.PrependChild(new OddHeader($"&R&\"Times New Roman,Bold\"&12&KC00000{DraftMarker}"));
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            columns,
            data,
            merges,
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            footer);
    }

    /// <summary>Rows 1–8: the issuing body and the right-hand header, the date, the marker, the title.</summary>
    private static void Header(OfficialListSheet sheet, Action<uint, string, string, string, uint> put)
    {
        // Rows are written top to bottom: each row's left (the issuing unit) and right (the national header) together.
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var unit = sheet.UnitName.ToUpper(vi);
        put(1, "A", "C", sheet.Superior.Length > 0 ? sheet.Superior.ToUpper(vi) : unit, sheet.Superior.Length > 0 ? S.HeaderPlain : S.HeaderBold);
        put(1, "E", "G", sheet.Layout.RightTop, S.HeaderBold);
        if (sheet.Superior.Length > 0) put(2, "A", "C", unit, S.HeaderBold);
        if (sheet.Layout.RightMotto is { Length: > 0 } motto) put(2, "E", "G", motto, S.HeaderBold);
        var d = sheet.Date;
        put(4, "E", "G", FormattableString.Invariant($"Ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}"), S.HeaderItalic);
        if (sheet.IsDraft) put(5, "A", "G", DraftMarker, S.DraftMarker);
        put(6, "A", "G", sheet.Layout.Title, S.Title);
        put(7, "A", "G", sheet.Layout.ScopeLine, S.HeaderItalic);
        var drafts = sheet.Lines.Count(l => !l.Decided);
        if (drafts > 0)
        {
            put(8, "A", "G", FormattableString.Invariant($"Còn {drafts} trường hợp chưa được phê duyệt (in nghiêng, ghi chú «Dự thảo»): danh sách chưa phải kết quả chính thức."), S.Summary);
        }
    }

    /// <summary>The table: its header row and one row per person; returns the first row after it.</summary>
    private static uint Table(OfficialListSheet sheet, SheetData data)
    {
        for (var c = 0; c < sheet.Layout.Headers.Count; c++)
        {
            Cell(data, HeaderRow, Column(c), sheet.Layout.Headers[c], S.TableHeader);
        }

        var index = HeaderRow + 1;
        for (var i = 0; i < sheet.Lines.Count; i++, index++)
        {
            var l = sheet.Lines[i];
            var (text, centre, score) = l.Decided ? (S.CellText, S.CellCentre, S.CellScore) : (S.DraftText, S.DraftCentre, S.DraftScore);
            var row = Cell(data, index, "A", i + 1, centre);
            Cell(row, index, "B", l.Name, text);
            Cell(row, index, "C", l.Post, text);
            Cell(row, index, "D", l.Unit, text);
            if (l.Score is { } s) Cell(row, index, "E", s, score);
            else Cell(row, index, "E", l.ScoreText, centre);
            Cell(row, index, "F", l.Level, text);
            Cell(row, index, "G", l.Note, text);
        }

        return index;
    }

    /// <summary>Below the table: the count per level, then who draws it up and who signs.</summary>
    private static void Footer(OfficialListSheet sheet, uint row, Action<uint, string, string, string, uint> put)
    {
        var counts = sheet.Lines.GroupBy(l => l.Level, StringComparer.Ordinal).Select(g => FormattableString.Invariant($"{g.Key}: {g.Count()}"));
        put(row + 1, "A", "G", FormattableString.Invariant($"Tổng số: {sheet.Lines.Count} {sheet.Layout.CountNoun}. ") + string.Join("; ", counts) + ".", S.Summary);
        // Rows are written top to bottom: each row's left (who draws it up) and right (who signs) together.
        var right = sheet.Layout.SignerCaptions.Select(c => (Text: c, Style: S.HeaderBold)).Append((Text: sheet.Layout.SignerHint, Style: S.HeaderItalic)).ToList();
        for (var i = 0; i < right.Count; i++)
        {
            if (i == 0) put(row + 3, "A", "C", "NGƯỜI LẬP BIỂU", S.HeaderBold);
            if (i == 1) put(row + 4, "A", "C", "(Ký, ghi rõ họ tên)", S.HeaderItalic);
            put(row + 3 + (uint)i, "E", "G", right[i].Text, right[i].Style);
        }

        if (sheet.SignerName is { Length: > 0 } signer) put(row + 9, "E", "G", signer, S.HeaderBold);
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    /// <summary>The row with that index, appended when it is not the last one yet (rows are written top to bottom).</summary>
    private static Row RowAt(SheetData data, uint index)
    {
        if (data.LastChild is Row last && last.RowIndex?.Value == index) return last;
        var row = new Row { RowIndex = index };
        data.Append(row);
        return row;
    }

    private static Row Cell(SheetData data, uint row, string column, string text, uint style)
    {
        var r = RowAt(data, row);
        Cell(r, row, column, text, style);
        return r;
    }

    private static Row Cell(SheetData data, uint row, string column, decimal value, uint style)
    {
        var r = RowAt(data, row);
        Cell(r, row, column, value, style);
        return r;
    }

    private static void Cell(Row row, uint index, string column, string text, uint style) =>
        row.Append(new Cell
        {
            CellReference = column + index.ToString(CultureInfo.InvariantCulture), StyleIndex = style, DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        });

    private static void Cell(Row row, uint index, string column, decimal value, uint style) =>
        row.Append(new Cell
        {
            CellReference = column + index.ToString(CultureInfo.InvariantCulture), StyleIndex = style, DataType = CellValues.Number,
            CellValue = new CellValue(value.ToString("0.##", CultureInfo.InvariantCulture)),
        });
}
