using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>Turns template JSON into <see cref="TemplateNode"/>s, parsing every binding once.</summary>
internal static class TemplateCompiler
{
    public static TemplateNode Prepare(JsonNode? node) => node switch
    {
        JsonObject obj => PrepareObject(obj),
        JsonArray array => new ArrayNode(array.Select(Prepare).ToList()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => TemplateString.Prepare(value.GetValue<string>()),
        _ => new LiteralNode(node?.DeepClone()),
    };

    private static ObjectNode PrepareObject(JsonObject obj)
    {
        TemplateNode? data = null;
        TemplateNode? when = null;
        var properties = new List<KeyValuePair<string, TemplateNode>>();
        foreach (var (key, value) in obj)
        {
            var prepared = Prepare(value);
            switch (key)
            {
                case "$data":
                    data = prepared is ArrayNode or ObjectNode && ContainsBinding(prepared)
                        ? throw new CardTemplateException("A literal $data must not contain bindings")
                        : prepared;
                    break;
                case "$when":
                    when = prepared;
                    break;
                case "$root" or "$index" or "$host" or "$_acTemplateVersion":
                    break;
                default:
                    properties.Add(new(key, prepared));
                    break;
            }
        }

        return new ObjectNode(properties, data, when);
    }

    private static bool ContainsBinding(TemplateNode node) => node switch
    {
        BindingNode or InterpolationNode => true,
        ArrayNode a => a.Items.Any(ContainsBinding),
        ObjectNode o => o.Data is not null || o.When is not null || o.Properties.Any(p => ContainsBinding(p.Value)),
        _ => false,
    };
}
