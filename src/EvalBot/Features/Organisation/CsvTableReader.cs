using System.Text;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Reads one CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; UTF-8 with or without BOM)
/// into an <see cref="ImportTable"/>. A semicolon-separated file, as spreadsheet programs write in comma-decimal
/// locales, is recognised from its header line.
/// </summary>
public static class CsvTableReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (ImportTable? Table, IReadOnlyList<ImportError> Errors) Read(ReadOnlySpan<byte> bytes, ImportKind kind)
    {
        var sheet = kind.Name();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, [ImportError.File(sheet, "Tệp CSV không phải UTF-8.", "The CSV file is not UTF-8.")]);
        }

        var errors = new List<ImportError>();
        var records = Parse(text, Delimiter(text), sheet, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (records.Count == 0)
        {
            return (null, [ImportError.File(sheet, "Tệp CSV trống, thiếu dòng tiêu đề.", "The CSV file is empty; the header row is missing.")]);
        }

        return (new ImportTable(sheet, kind, records[0].Cells, records.Skip(1).ToList(), records[0].Number), []);
    }

    private static char Delimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return !header.Contains(',', StringComparison.Ordinal) && header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
    }

    private static List<ImportRow> Parse(string text, char delimiter, string sheet, List<ImportError> errors)
    {
        var rows = new List<ImportRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, start = 1, i = 0;
        var quoted = false;
        while (i <= text.Length)
        {
            var c = i < text.Length ? text[i] : '\n';
            var atEnd = i == text.Length;
            i++;
            if (quoted)
            {
                if (atEnd)
                {
                    errors.Add(new ImportError(sheet, start, null, "Thiếu dấu ngoặc kép đóng.", "A quoted field is not closed."));
                    return rows;
                }

                if (c == '"' && i < text.Length && text[i] == '"') { cell.Append('"'); i++; }
                else if (c == '"')
                {
                    quoted = false;
                    if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                    {
                        errors.Add(new ImportError(sheet, line, null, "Có ký tự sau dấu ngoặc kép đóng.", "Characters follow a closing quote."));
                        return rows;
                    }
                }
                else { if (c == '\n') line++; cell.Append(c); }
            }
            else if (c == '"' && cell.Length == 0) { quoted = true; }
            else if (c == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i < text.Length && text[i] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                if (cells is not [""]) rows.Add(new ImportRow(start, cells.ToArray()));
                cells.Clear();
                if (atEnd) break;
                line++;
                start = line;
                if (rows.Count > ImportLimits.MaxRows + 1)
                {
                    errors.Add(ImportError.File(sheet, $"Tệp có quá {ImportLimits.MaxRows} dòng.", $"The file has more than {ImportLimits.MaxRows} rows."));
                    return rows;
                }
            }
            else { cell.Append(c); }

            if (cell.Length > ImportLimits.MaxCellLength || cells.Count > ImportLimits.MaxColumns)
            {
                errors.Add(new ImportError(sheet, start, null, "Ô hoặc số cột vượt giới hạn.", "A cell or the number of columns exceeds the limit."));
                return rows;
            }
        }

        return rows;
    }
}
