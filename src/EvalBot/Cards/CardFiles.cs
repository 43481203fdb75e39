using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalBot.Cards;

/// <summary>Reads the JSON files of the cards folder, turning every problem into a <see cref="CardTemplateException"/>.</summary>
internal static class CardFiles
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow };

    public static JsonObject ReadObject(string path)
    {
        if (!File.Exists(path))
        {
            throw new CardTemplateException("Missing card file " + path);
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: Options) as JsonObject
                ?? throw new CardTemplateException(path + " is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new CardTemplateException(path + " is not valid JSON: " + e.Message, e);
        }
    }
}
