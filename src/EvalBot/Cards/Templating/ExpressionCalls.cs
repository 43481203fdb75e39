using System.Text.Json.Nodes;

namespace EvalBot.Cards.Templating;

/// <summary>The supported functions and operators, each with the argument rules of its adaptive-expressions counterpart.</summary>
internal static class ExpressionCalls
{
    public static object? Invoke(CallExpr call, BindingScope scope, bool substitute)
    {
        var args = call.Args;
        return call.Function switch
        {
            "and" => And(args, scope),
            "or" => Or(args, scope),
            "not" => Not(args[0], scope),
            "if" => If(args, scope, substitute),
            "equals" => Compare(args, scope, nullAllowed: true, (a, b) => JsValue.CommonEquals(a, b)),
            "notEquals" => Compare(args, scope, nullAllowed: true, (a, b) => !JsValue.CommonEquals(a, b)),
            "less" => Compare(args, scope, nullAllowed: false, (a, b) => Order(a, b) < 0),
            "lessOrEquals" => Compare(args, scope, nullAllowed: false, (a, b) => Order(a, b) <= 0),
            "greater" => Compare(args, scope, nullAllowed: false, (a, b) => Order(a, b) > 0),
            "greaterOrEquals" => Compare(args, scope, nullAllowed: false, (a, b) => Order(a, b) >= 0),
            "empty" => Empty(args[0], scope),
            "negate" => Evaluate(args[0], scope, substitute) is double d ? 0 - d : throw new ExpressionException(call.Source + " is not a number"),
            "count" => Count(Evaluate(args[0], scope, substitute), call),
            "length" => Length(Evaluate(args[0], scope, substitute), call),
            "concat" => args.Skip(1).Aggregate(Evaluate(args[0], scope, substitute), (soFar, next) => Concat(soFar, Evaluate(next, scope, substitute))),
            "string" => StringFunctions.String(args.Select(a => Evaluate(a, scope, substitute)).ToList()),
            "formatNumber" => StringFunctions.FormatNumber(args.Select(a => Evaluate(a, scope, substitute)).ToList()),
            _ => throw new ExpressionException("Unknown function " + call.Function),
        };
    }

    private static object? Evaluate(Expr expr, BindingScope scope, bool substitute) => ExpressionEvaluator.Evaluate(expr, scope, substitute);

    private static bool And(IReadOnlyList<Expr> args, BindingScope scope)
    {
        foreach (var arg in args)
        {
            var value = ExpressionEvaluator.EvaluateQuietly(arg, scope, out var failed);
            if (failed || !JsValue.IsLogicTrue(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Or(IReadOnlyList<Expr> args, BindingScope scope) =>
        args.Any(arg => JsValue.IsLogicTrue(ExpressionEvaluator.EvaluateQuietly(arg, scope, out var failed)) && !failed);

    private static bool Not(Expr arg, BindingScope scope)
    {
        var value = ExpressionEvaluator.EvaluateQuietly(arg, scope, out var failed);
        return failed || !JsValue.IsLogicTrue(value);
    }

    private static object? If(IReadOnlyList<Expr> args, BindingScope scope, bool substitute)
    {
        var condition = ExpressionEvaluator.EvaluateQuietly(args[0], scope, out var failed);
        return Evaluate(!failed && JsValue.IsLogicTrue(condition) ? args[1] : args[2], scope, substitute);
    }

    /// <summary>Comparisons never substitute and never fail: an error or an invalid argument is false.</summary>
    private static bool Compare(IReadOnlyList<Expr> args, BindingScope scope, bool nullAllowed, Func<object?, object?, bool> test)
    {
        var values = new List<object?>();
        foreach (var arg in args)
        {
            var value = ExpressionEvaluator.EvaluateQuietly(arg, scope, out var failed);
            if (failed || (!nullAllowed && JsValue.IsNullish(value)))
            {
                return false;
            }

            values.Add(value);
        }

        try
        {
            return test(values[0], values[1]);
        }
        catch (ExpressionException)
        {
            return false;
        }
    }

    private static int Order(object? a, object? b) => (a, b) switch
    {
        (double x, double y) when !double.IsNaN(x) && !double.IsNaN(y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => throw new ExpressionException("must be comparable"),
    };

    private static bool Empty(Expr arg, BindingScope scope)
    {
        var value = ExpressionEvaluator.EvaluateQuietly(arg, scope, out var failed);
        return !failed && value switch
        {
            null => true,
            string s => s.Length == 0,
            JsonArray a => a.Count == 0,
            JsonObject o => o.Count == 0,
            _ => ReferenceEquals(value, JsValue.Undefined),
        };
    }

    private static double Count(object? value, CallExpr call) => value switch
    {
        string s => s.Length,
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        _ => throw new ExpressionException(call.Source + " must be a string, list, map or object."),
    };

    private static double Length(object? value, CallExpr call) => value switch
    {
        string s => s.Length,
        _ when ReferenceEquals(value, JsValue.Undefined) => 0,
        _ => throw new ExpressionException(call.Source + " is neither a string nor a null object."),
    };

    private static object? Concat(object? first, object? second) => (first, second) switch
    {
        _ when JsValue.IsNullish(first) && JsValue.IsNullish(second) => JsValue.Undefined,
        (_, JsonArray b) when JsValue.IsNullish(first) => b,
        (JsonArray a, _) when JsValue.IsNullish(second) => a,
        (JsonArray a, JsonArray b) => new JsonArray([.. a.Select(n => n?.DeepClone()), .. b.Select(n => n?.DeepClone())]),
        _ => JsValue.Stringify(first) + JsValue.Stringify(second),
    };
}
