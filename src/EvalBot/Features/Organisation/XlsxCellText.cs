using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The text of a cell as the importer reads it: shared and inline strings as written, numbers in invariant form,
/// and numbers formatted as dates (built-in or custom date formats) as ISO dates.
/// </summary>
internal sealed class XlsxCellText
{
    private readonly List<string> _shared;
    private readonly HashSet<uint> _dateStyles;

    public XlsxCellText(WorkbookPart workbook)
    {
        _shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
        _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
    }

    public string Text(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Count ? _shared[i] : "";
        }

        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? ItemText(inline) : raw;
        if (type == CellValues.Boolean) return raw == "1" ? "true" : "false";
        if (type == CellValues.Date) return raw.Length >= 10 ? raw[..10] : raw;
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style) && number is >= 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return Math.Abs(number) < 7.9e27 ? ((decimal)number).ToString(CultureInfo.InvariantCulture) : raw;
    }

    private static string ItemText(DocumentFormat.OpenXml.OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var result = new HashSet<uint>();
        uint index = 0;
        foreach (var format in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id)) result.Add(index);
            index++;
        }

        return result;
    }

    /// <summary>A custom format is a date format when, outside quotes and brackets, it has a day, month or year code.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (code is null) return false;
        var inQuotes = false;
        var inBrackets = false;
        foreach (var c in code)
        {
            if (c == '"') inQuotes = !inQuotes;
            else if (!inQuotes && c == '[') inBrackets = true;
            else if (!inQuotes && c == ']') inBrackets = false;
            else if (!inQuotes && !inBrackets && c is 'd' or 'D' or 'y' or 'Y' or 'm' or 'M') return true;
        }

        return false;
    }
}
