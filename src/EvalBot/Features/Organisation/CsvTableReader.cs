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

    private static List<ImportRow> Parse(string text, char delimiter, string sheet, List<ImportError> errors) =>
        new CsvScanner(text, delimiter, sheet, errors).Rows();

    /// <summary>
    /// One pass over the text, a character at a time. A step answers false when reading must stop: at the end of the
    /// text, or at the first error (added to the error list); the rows read so far are returned either way.
    /// </summary>
    private sealed class CsvScanner(string text, char delimiter, string sheet, List<ImportError> errors)
    {
        private readonly List<ImportRow> _rows = [];
        private readonly List<string> _cells = [];
        private readonly StringBuilder _cell = new();
        private int _line = 1;
        private int _start = 1;
        private int _next;
        private bool _quoted;

        public List<ImportRow> Rows()
        {
            while (_next <= text.Length)
            {
                // The end of the text reads as one last line break, which ends the last record.
                var atEnd = _next == text.Length;
                var c = atEnd ? '\n' : text[_next];
                _next++;
                var goOn = _quoted ? InsideQuotes(c, atEnd) : OutsideQuotes(c, atEnd);
                if (!goOn || !WithinLimits())
                {
                    break;
                }
            }

            return _rows;
        }

        private char? Peek() => _next < text.Length ? text[_next] : null;

        private bool InsideQuotes(char c, bool atEnd)
        {
            if (atEnd)
            {
                errors.Add(new ImportError(sheet, _start, null, "Thiếu dấu ngoặc kép đóng.", "A quoted field is not closed."));
                return false;
            }

            if (c != '"')
            {
                if (c == '\n') _line++;
                _cell.Append(c);
            }
            else if (Peek() == '"')
            {
                _cell.Append('"');
                _next++;
            }
            else
            {
                _quoted = false;
                if (Peek() is { } after && after != delimiter && after is not ('\r' or '\n'))
                {
                    errors.Add(new ImportError(sheet, _line, null, "Có ký tự sau dấu ngoặc kép đóng.", "Characters follow a closing quote."));
                    return false;
                }
            }

            return true;
        }

        private bool OutsideQuotes(char c, bool atEnd)
        {
            if (c == '"' && _cell.Length == 0) _quoted = true;
            else if (c == delimiter) EndCell();
            else if (c is '\r' or '\n') return EndRecord(c, atEnd);
            else _cell.Append(c);
            return true;
        }

        private void EndCell()
        {
            _cells.Add(_cell.ToString());
            _cell.Clear();
        }

        /// <summary>A line break outside quotes (CR LF counts as one) ends the record; a blank line adds none.</summary>
        private bool EndRecord(char c, bool atEnd)
        {
            if (c == '\r' && Peek() == '\n') _next++;
            EndCell();
            if (_cells is not [""]) _rows.Add(new ImportRow(_start, _cells.ToArray()));
            _cells.Clear();
            if (atEnd) return false;
            _line++;
            _start = _line;
            if (_rows.Count > ImportLimits.MaxRows + 1)
            {
                errors.Add(ImportError.File(sheet, $"Tệp có quá {ImportLimits.MaxRows} dòng.", $"The file has more than {ImportLimits.MaxRows} rows."));
                return false;
            }

            return true;
        }

        private bool WithinLimits()
        {
            if (_cell.Length <= ImportLimits.MaxCellLength && _cells.Count <= ImportLimits.MaxColumns) return true;
            errors.Add(new ImportError(sheet, _start, null, "Ô hoặc số cột vượt giới hạn.", "A cell or the number of columns exceeds the limit."));
            return false;
        }
    }
}
