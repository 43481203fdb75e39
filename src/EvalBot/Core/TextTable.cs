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

    /// <summary>A period as every card names it ("Quý 2/2026" / "Q2 2026"): the domain's <see cref="PeriodNames"/>.</summary>
    public string PeriodLabel(string period) => PeriodNames.Name(period, Language == "en");

    /// <summary>A rule-set as every card names it: its legal title ("Nghị định 335/2025/NĐ-CP" / "Decree 335/2025/NĐ-CP").</summary>
    public string RuleSetTitle(Domain.RuleSets.RuleSet? ruleSet) => ruleSet?.LegalTitle(Language == "en") ?? "—";

    public string LevelName(Level? level) => level switch
    {
        Level.Excellent => this["levelExcellent"],
        Level.Good => this["levelGood"],
        Level.Complete => this["levelComplete"],
        Level.NotComplete => this["levelNotComplete"],
        _ => this["levelNone"],
    };
}
