using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>
/// Expands a prepared template the way adaptivecards-templating 2.3.1 does: <c>$data</c> arrays repeat their element
/// (one result unwraps, none gives null), arrays flatten nested results and drop nulls, <c>$when</c> drops an element
/// unless it evaluates to true, and properties whose value is undefined are left out.
/// </summary>
internal static class TemplateExpander
{
    public static object? Expand(TemplateNode node, BindingScope scope) => node switch
    {
        LiteralNode literal => literal.Js is JsonNode n ? n.DeepClone() : literal.Js,
        BindingNode binding => Bind(binding.Expression, scope),
        InterpolationNode interpolation => ExpressionEvaluator.Interpolate(interpolation.Parts, scope),
        ArrayNode array => ExpandArray(array, scope),
        ObjectNode obj => ExpandObject(obj, scope),
        _ => throw new CardTemplateException("unknown template node"),
    };

    /// <summary>Evaluates a whole-string binding; data nodes are cloned so the output never shares nodes with the data.</summary>
    private static object? Bind(Expr expression, BindingScope scope)
    {
        try
        {
            var value = ExpressionEvaluator.EvaluateBinding(expression, scope);
            return value is JsonNode node ? node.DeepClone() : value;
        }
        catch (ExpressionException e)
        {
            throw new CardTemplateException($"Binding '${{{expression.Source}}}' failed: {e.Message}");
        }
    }

    /// <remarks>
    /// Every node <see cref="Expand(TemplateNode, BindingScope)"/> returns is new and detached (literals and data are
    /// cloned where they are read), so results are moved into the array, never copied again.
    /// </remarks>
    private static JsonArray ExpandArray(ArrayNode array, BindingScope scope)
    {
        var result = new JsonArray();
        foreach (var item in array.Items)
        {
            var expanded = Expand(item, scope);
            if (expanded is JsonArray many)
            {
                var elements = many.ToArray();
                many.Clear();
                foreach (var element in elements)
                {
                    result.Add(element);
                }
            }
            else if (expanded is JsonNode node)
            {
                result.Add(node);
            }
            else if (expanded is not null)
            {
                result.Add(JsValue.ToNode(ReferenceEquals(expanded, JsValue.Undefined) ? null : expanded));
            }
        }

        return result;
    }

    private static object? ExpandObject(ObjectNode obj, BindingScope scope)
    {
        if (obj.Data is null)
        {
            // No $data: one element in the same scope, or none.
            return IsDropped(obj.When, scope) ? null : ExpandProperties(obj, scope);
        }

        var contexts = DataContexts(obj.Data, scope, out var isArray);
        var results = new List<JsonObject>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var itemScope = scope with
            {
                Index = isArray ? (double)i : scope.Index,
                Data = ReferenceEquals(contexts[i], JsValue.Undefined) ? scope.Data : contexts[i],
            };
            if (!IsDropped(obj.When, itemScope))
            {
                results.Add(ExpandProperties(obj, itemScope));
            }
        }

        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => new JsonArray([.. results]),
        };
    }

    /// <summary>The elements an object's <c>$data</c> repeats it for: each item of an array, otherwise the value itself.</summary>
    private static List<object?> DataContexts(TemplateNode dataNode, BindingScope scope, out bool isArray)
    {
        isArray = false;
        var data = dataNode is LiteralNode literal ? literal.Js : Expand(dataNode, scope);
        if (data is JsonArray array)
        {
            isArray = true;
            return array.Select(JsValue.FromNode).ToList();
        }

        return [data];
    }

    /// <summary>Only an expression that evaluates to boolean true keeps the element; a non-expression keeps it only when falsy.</summary>
    private static bool IsDropped(TemplateNode? when, BindingScope scope) => when switch
    {
        null => false,
        BindingNode binding => ExpressionEvaluator.EvaluateQuietly(binding.Expression, scope, out _) is not true,
        InterpolationNode => true,
        LiteralNode literal => JsValue.IsTruthy(literal.Js),
        _ => true,
    };

    /// <remarks>The properties are gathered first, so the object is built at its size instead of growing property by property.</remarks>
    private static JsonObject ExpandProperties(ObjectNode obj, BindingScope scope)
    {
        var properties = new List<KeyValuePair<string, JsonNode?>>(obj.Properties.Count);
        foreach (var (key, node) in obj.Properties)
        {
            var value = Expand(node, scope);
            if (!ReferenceEquals(value, JsValue.Undefined))
            {
                properties.Add(new(key, value as JsonNode ?? JsValue.ToNode(value)));
            }
        }

        return new JsonObject(properties);
    }
}
