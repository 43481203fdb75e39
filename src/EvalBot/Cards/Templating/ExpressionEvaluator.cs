using System.Text;

namespace EvalBot.Cards.Templating;

/// <summary>
/// Evaluates expressions with adaptive-expressions semantics. With <c>substitute</c> on (bindings), a missing path
/// evaluates to the text <c>${path}</c>, as adaptivecards-templating does; logic and comparisons always see undefined.
/// </summary>
internal static class ExpressionEvaluator
{
    /// <summary>Evaluates a whole binding; a top-level <c>concat</c> joins its parts with JavaScript's String(), as the templating engine does.</summary>
    public static object? EvaluateBinding(Expr expr, BindingScope scope)
    {
        if (expr is CallExpr { Function: "concat" } concat)
        {
            return Interpolate(concat.Args, scope);
        }

        return Evaluate(expr, scope, substitute: true);
    }

    /// <summary>Assembles an interpolated string; a part that fails is kept as <c>${source}</c>.</summary>
    public static string Interpolate(IEnumerable<Expr> parts, BindingScope scope)
    {
        var result = new StringBuilder();
        foreach (var part in parts)
        {
            object? value;
            try
            {
                value = Evaluate(part, scope, substitute: true);
            }
            catch (ExpressionException)
            {
                value = "${" + part.Source + "}";
            }

            result.Append(JsValue.ToJsString(value));
        }

        return result.ToString();
    }

    public static object? Evaluate(Expr expr, BindingScope scope, bool substitute) => expr switch
    {
        ConstantExpr c => c.Value,
        AccessorExpr a => EvaluatePath(a, scope, substitute),
        ElementExpr e => EvaluateElement(e, scope, substitute),
        CallExpr call => ExpressionCalls.Invoke(call, scope, substitute),
        _ => throw new ExpressionException("unknown expression"),
    };

    /// <summary>Evaluates without substitution and turns an error into the given fallback (as comparisons and logic do).</summary>
    public static object? EvaluateQuietly(Expr expr, BindingScope scope, out bool failed)
    {
        try
        {
            failed = false;
            return Evaluate(expr, scope, substitute: false);
        }
        catch (ExpressionException)
        {
            failed = true;
            return JsValue.Undefined;
        }
    }

    private static object? EvaluatePath(AccessorExpr accessor, BindingScope scope, bool substitute)
    {
        var (path, left) = accessor.Chain is { Path: { } known } chain ? (known, chain.Start) : DynamicPath(accessor, scope, substitute);
        var value = left is null
            ? PathLookup.FromScope(scope, path)
            : PathLookup.FromValue(Evaluate(left, scope, substitute), path);
        return ReferenceEquals(value, JsValue.Undefined) && substitute ? "${" + path + "}" : value;
    }

    /// <summary>The path of a chain with an index in it (<c>a[i].b</c>), the indices evaluated, and where it starts.</summary>
    private static (string Path, Expr? Left) DynamicPath(AccessorExpr accessor, BindingScope scope, bool substitute)
    {
        var path = string.Empty;
        Expr? left = accessor;
        while (left is AccessorExpr or ElementExpr)
        {
            if (left is AccessorExpr a)
            {
                path = a.Name + "." + path;
                left = a.Instance;
            }
            else if (left is ElementExpr e)
            {
                var index = Evaluate(e.Index, scope, substitute);
                path = index switch
                {
                    double d when !double.IsNaN(d) => "[" + JsNumber.ToString(d) + "]." + path,
                    string s when PathLookup.ParseLeadingInt(s) is not null => "[" + s + "]." + path,
                    string s => "['" + s + "']." + path,
                    _ => throw new ExpressionException(e.Index.Source + " doesn't return an int or string"),
                };
                left = e.Instance;
            }
        }

        return (path.TrimEnd('.').Replace(".[", "[", StringComparison.Ordinal), left);
    }

    private static object? EvaluateElement(ElementExpr element, BindingScope scope, bool substitute)
    {
        var instance = Evaluate(element.Instance, scope, substitute);
        var index = Evaluate(element.Index, scope, substitute: false);
        return index switch
        {
            double d when d == Math.Floor(d) && !double.IsInfinity(d) => PathLookup.AccessIndex(instance, (int)d),
            string s => PathLookup.AccessProperty(instance, s),
            _ => throw new ExpressionException("Could not coerce " + element.Index.Source + " to an int or string."),
        };
    }
}
