using EvalBot.Cards;
using EvalBot.Protocol;

namespace EvalBot.Features.Errors;

/// <summary>Localised error texts for protocol-level answers (bad card action, unknown verb), from the card string tables.</summary>
public sealed class ErrorCards(CardTemplates templates)
{
    public string Text(string locale, string key) =>
        JsonRead.Text(templates.Strings.For(CardStrings.LanguageOf(locale)), key)
        ?? throw new InvalidOperationException($"The string '{key}' is missing from cards/strings.");
}
