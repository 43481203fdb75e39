using EvalBot.Protocol;

namespace EvalBot.Cards;

/// <summary>
/// Localised texts of the turn machinery's own answers (bad card action, unknown verb, answered privately), from the card
/// string tables: the turn machinery uses them without knowing any feature.
/// </summary>
public sealed class ErrorCards(CardTemplates templates)
{
    public string Text(string locale, string key) =>
        JsonRead.Text(templates.Strings.For(CardStrings.LanguageOf(locale)), key)
        ?? throw new InvalidOperationException($"The string '{key}' is missing from cards/strings.");
}
