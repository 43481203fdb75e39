using DocumentFormat.OpenXml.Spreadsheet;

namespace EvalBot.Core;

/// <summary>
/// The cell styles of the official list (<c>xl/styles.xml</c>): Times New Roman as administrative documents use it, the
/// header blocks, the "DỰ THẢO" marker, the bordered table, and draft rows in italics so they never pass for decided ones.
/// Each constant is the index of a cell format in <see cref="Create"/>.
/// </summary>
internal static class OfficialListStyles
{
    public const uint Plain = 0;
    public const uint HeaderBold = 1;
    public const uint HeaderItalic = 2;
    public const uint Title = 3;
    public const uint DraftMarker = 4;
    public const uint TableHeader = 5;
    public const uint CellText = 6;
    public const uint CellCentre = 7;
    public const uint CellScore = 8;
    public const uint DraftText = 9;
    public const uint DraftCentre = 10;
    public const uint DraftScore = 11;
    public const uint Summary = 12;
    public const uint HeaderPlain = 13;

    /// <summary>The number format of scores: one decimal, as the score sheets give them.</summary>
    private const uint ScoreFormat = 164;

    private const string FontName = "Times New Roman";

    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(12),                               // 0 normal
            Font(12, bold: true),                   // 1 bold
            Font(12, italic: true),                 // 2 italic
            Font(14, bold: true),                   // 3 title
            Font(16, bold: true, colour: "FFC00000")); // 4 the draft marker
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border(), ThinBorder());
        var formats = new CellFormats(
            Format(0, 0, 0, null),                                                  // Plain
            Format(1, 0, 0, HorizontalAlignmentValues.Center),                      // HeaderBold
            Format(2, 0, 0, HorizontalAlignmentValues.Center),                      // HeaderItalic
            Format(3, 0, 0, HorizontalAlignmentValues.Center),                      // Title
            Format(4, 0, 0, HorizontalAlignmentValues.Center),                      // DraftMarker
            Format(1, 2, 1, HorizontalAlignmentValues.Center),                      // TableHeader
            Format(0, 0, 1, HorizontalAlignmentValues.Left),                        // CellText
            Format(0, 0, 1, HorizontalAlignmentValues.Center),                      // CellCentre
            Format(0, 0, 1, HorizontalAlignmentValues.Center, ScoreFormat),         // CellScore
            Format(2, 0, 1, HorizontalAlignmentValues.Left),                        // DraftText
            Format(2, 0, 1, HorizontalAlignmentValues.Center),                      // DraftCentre
            Format(2, 0, 1, HorizontalAlignmentValues.Center, ScoreFormat),         // DraftScore
            Format(2, 0, 0, HorizontalAlignmentValues.Left),                        // Summary
            Format(0, 0, 0, HorizontalAlignmentValues.Center));                     // HeaderPlain
        // Readers expect the counts, which the SDK leaves out.
        fonts.Count = (uint)fonts.ChildElements.Count;
        fills.Count = (uint)fills.ChildElements.Count;
        borders.Count = (uint)borders.ChildElements.Count;
        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = ScoreFormat, FormatCode = "0.0" }) { Count = 1 },
            fonts, fills, borders,
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold = false, bool italic = false, string? colour = null)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size });
        if (colour is not null) font.Append(new Color { Rgb = colour });
        font.Append(new FontName { Val = FontName });
        font.Append(new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static Border ThinBorder() => new(
        new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
        new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
        new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
        new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
        new DiagonalBorder());

    private static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues? horizontal, uint numberFormat = 0)
    {
        var format = new CellFormat
        {
            FontId = font, FillId = fill, BorderId = border, FormatId = 0, NumberFormatId = numberFormat,
            ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = numberFormat != 0,
        };
        if (horizontal is { } h)
        {
            format.ApplyAlignment = true;
            format.Append(new Alignment { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = true });
        }

        return format;
    }
}
