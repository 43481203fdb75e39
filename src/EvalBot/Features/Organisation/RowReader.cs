using System.Globalization;
using EvalBot.Domain.Calendar;
using DomainPeriod = EvalBot.Domain.Records.Period;

namespace EvalBot.Features.Organisation;

/// <summary>
/// Reads typed values from one row, adding a bilingual error for every bad cell instead of stopping at the first,
/// so one pass reports all of a file's problems.
/// </summary>
public sealed class RowReader(ImportTable table, ColumnMap map, ImportRow row, List<ImportError> errors)
{
    public RowLocation At { get; } = new(table.Sheet, row.Number);

    public bool Has(string column) => map.Has(column);

    /// <summary>A text every row must have.</summary>
    public string Required(string column)
    {
        var text = Raw(column);
        if (text.Length == 0) Fail(column, "Ô bắt buộc đang trống.", "This cell is required.");
        return text;
    }

    /// <summary>An optional text; empty is null.</summary>
    public Maybe<string?> Text(string column) => Has(column) ? new(true, Raw(column) is { Length: > 0 } t ? t : null) : default(Maybe<string?>);

    public Maybe<bool> Flag(string column) => Choice(column, Vocabulary.Flags, false);

    /// <summary>A value from a closed set; an empty cell gives <paramref name="empty"/>.</summary>
    public Maybe<T> Choice<T>(string column, IReadOnlyDictionary<string, T> values, T empty)
    {
        if (!Has(column)) return default(Maybe<T>);
        var text = Raw(column);
        if (text.Length == 0) return new(true, empty);
        if (values.TryGetValue(ImportText.Normalise(text), out var value)) return new(true, value);
        var allowed = string.Join(", ", values.Keys.Where(k => k.Length > 1).Take(8));
        Fail(column, $"Giá trị '{text}' không hợp lệ; dùng một trong: {allowed}.", $"'{text}' is not valid; use one of: {allowed}.");
        return new(true, empty);
    }

    /// <summary>A required value from a closed set.</summary>
    public T RequiredChoice<T>(string column, IReadOnlyDictionary<string, T> values, T fallback)
    {
        if (Raw(column).Length == 0) { Required(column); return fallback; }
        return Choice(column, values, fallback).Value;
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>, <c>dd/MM/yyyy</c>, or (in spreadsheets) a serial day number.</summary>
    public DateOnly Date(string column)
    {
        var text = Required(column);
        if (text.Length == 0) return default;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (table.NumbersMayBeDates && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        Fail(column, $"Ngày '{text}' không hợp lệ; dùng yyyy-MM-dd hoặc dd/MM/yyyy.", $"'{text}' is not a date; use yyyy-MM-dd or dd/MM/yyyy.");
        return default;
    }

    /// <summary>An optional date: absent without the column, null when the cell is empty.</summary>
    public Maybe<DateOnly?> OptionalDate(string column) =>
        !Has(column) ? default(Maybe<DateOnly?>) : Raw(column).Length == 0 ? new(true, null) : new(true, Date(column));

    /// <summary>A decimal with a point, or with a comma when it cannot be a thousands separator (one comma, not three digits after it).</summary>
    public decimal Number(string column, decimal? empty = null)
    {
        var text = empty is null ? Required(column) : Raw(column);
        if (text.Length == 0) return empty ?? 0m;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && !text.Contains('.', StringComparison.Ordinal) && comma == text.LastIndexOf(',') && text.Length - comma - 1 != 3)
        {
            text = text.Replace(',', '.');
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0m && value < 1_000_000_000m)
        {
            return value;
        }

        Fail(column, $"Số '{text}' không hợp lệ; dùng dấu chấm thập phân, không âm.", $"'{text}' is not a valid non-negative number; use a decimal point.");
        return 0m;
    }

    public int Count(string column)
    {
        var value = Number(column);
        if (value == decimal.Truncate(value)) return (int)value;
        Fail(column, "Cần một số nguyên.", "A whole number is needed.");
        return 0;
    }

    /// <summary>A period label, <c>2026-Q1</c> or <c>2026-03</c>.</summary>
    public string Period(string column)
    {
        var text = Required(column);
        if (text.Length > 0 && !DomainPeriod.TryParse(text, "", out _, out var error))
        {
            Fail(column, $"Kỳ '{text}' không hợp lệ (ví dụ 2026-Q1 hoặc 2026-03).", $"'{text}' is not a period ({error}); e.g. 2026-Q1 or 2026-03.");
        }

        return text;
    }

    /// <summary>Reports a problem at this row, in the documented column (whatever header the file used for it).</summary>
    public void Fail(string column, string vi, string en) => errors.Add(ImportError.At(At, column, vi, en));

    private string Raw(string column)
    {
        var text = map.Cell(row, column);
        var spec = ImportSchema.Column(table.Kind, column);
        if (text.Length > spec.MaxLength)
        {
            Fail(column, $"Dài quá {spec.MaxLength} ký tự.", $"Longer than {spec.MaxLength} characters.");
            return text[..spec.MaxLength];
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Fail(column, "Có ký tự điều khiển.", "Contains control characters.");
        }

        return text;
    }
}
