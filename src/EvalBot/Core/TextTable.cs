using System.Globalization;
using System.Text.Json.Nodes;
using EvalBot.Cards;
using EvalBot.Domain;
using EvalBot.Protocol;

namespace EvalBot.Core;

/// <summary>
/// Texts and formats for check-in cards in the user's language: numbers with a decimal comma in Vietnamese,
/// dates as dd/MM/yyyy, period names ("Quý 1/2026", "Q1 2026").
/// </summary>
public sealed class TextTable(CardTemplates templates, string language)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public string Language { get; } = language;

    private JsonObject Table => templates.Strings.For(Language);

    public string this[string key] => JsonRead.Text(Table, key) ?? throw new InvalidOperationException($"The string '{key}' is missing from cards/strings.");

    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    public CultureInfo Culture => Language == "en" ? CultureInfo.InvariantCulture : Vietnamese;

    /// <summary>The pager of a card page, labelled "Trang 2/16 · người thứ 26–50 trong 400".</summary>
    public JsonObject Pager<T>(CardPage<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ToJson(Format("pagePeople", page.Number, page.Count, page.Offset + 1, page.Offset + page.Items.Count, page.Total));
    }

    /// <summary>"… và 12 người khác" when <paramref name="hidden"/> people of a capped list are not shown, else empty.</summary>
    public string More(int hidden) => hidden > 0 ? Format("moreNotShown", hidden) : "";

    public string Number(decimal value) => value.ToString("0.##", Culture);

    public string Points(decimal value, decimal max) => $"{value.ToString("0.00", Culture)}/{max.ToString("0", Culture)}";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public string PeriodLabel(string period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var year = PeriodKey.YearText(period);
        if (period.Length == 7 && period[5] == 'Q')
        {
            return Language == "en" ? $"Q{period[6]} {year}" : $"Quý {period[6]}/{year}";
        }

        var month = int.Parse(period[5..], CultureInfo.InvariantCulture);
        return Language == "en"
            ? new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : $"Tháng {month}/{year}";
    }

    public string LevelName(Level? level) => level switch
    {
        Level.Excellent => this["levelExcellent"],
        Level.Good => this["levelGood"],
        Level.Complete => this["levelComplete"],
        Level.NotComplete => this["levelNotComplete"],
        _ => this["levelNone"],
    };
}
