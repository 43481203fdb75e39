using System.Text.Json.Nodes;
using EvalBot.Cards;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The <c>import-result</c> card: per kind, rows created / updated / unchanged; or the errors by sheet, row and column,
/// the first <see cref="ImportLimits.MaxErrorsInCard"/> of them and how many more.
/// </summary>
public sealed class ImportResultCard(CardTemplates templates)
{
    public const string Template = "import-result";

    public JsonObject Render(string fileName, ImportResult result, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        var english = text.Language == "en";
        var kinds = new JsonArray();
        foreach (var k in result.Report?.Kinds ?? [])
        {
            var name = ImportKinds.Parse(k.Kind) is { } kind ? text["importKind" + kind] : k.Kind;
            kinds.Add(new JsonObject { ["name"] = name, ["counts"] = text.Format("importCounts", k.Created, k.Updated, k.Unchanged) });
        }

        var errors = new JsonArray();
        foreach (var e in result.Errors.Take(ImportLimits.MaxErrorsInCard))
        {
            errors.Add(new JsonObject { ["place"] = Place(e, text), ["message"] = CardText.Plain(english ? e.MessageEn : e.Message) });
        }

        var hidden = result.Errors.Count - errors.Count;
        var data = new JsonObject
        {
            ["fileName"] = CardText.Plain(fileName),
            ["applied"] = result.Succeeded,
            ["notice"] = result.Succeeded ? text["importApplied"] : text.Format("importRefused", result.Errors.Count),
            ["kinds"] = kinds,
            ["errors"] = errors,
            ["more"] = hidden > 0 ? text.Format("importMoreErrors", hidden) : "",
        };
        return templates.Render(Template, data, text.Language);
    }

    private static string Place(ImportError error, TextTable text)
    {
        var sheet = CardText.Plain(error.Sheet);
        return error switch
        {
            { Row: <= 0 } => sheet,
            { Column: null } => text.Format("importErrorAt", sheet, error.Row),
            _ => text.Format("importErrorAtColumn", sheet, error.Row, CardText.Plain(error.Column)),
        };
    }
}
