namespace EvalBot.Cards.Templating;

/// <summary>
/// <c>string</c> and <c>formatNumber</c>. adaptive-expressions formats numbers in the en-US style
/// (<c>1,234.50</c>) unless the locale is in its own table, which has no Vietnamese entry; so we accept
/// only locales that format that way and reject others rather than diverge.
/// </summary>
internal static class StringFunctions
{
    public static object? String(IReadOnlyList<object?> args)
    {
        CheckLocale(args.Count == 2 ? args[1] : null);
        var value = args[0];
        return value switch
        {
            string s => s,
            double d when !double.IsNaN(d) => JsNumber.FormatFixedGrouped(d, Precision(d)),
            _ => JsValue.Stringify(value),
        };
    }

    public static object? FormatNumber(IReadOnlyList<object?> args)
    {
        if (!JsValue.IsNumber(args[0]))
        {
            throw new ExpressionException("formatNumber first argument must be a number");
        }

        if (!JsValue.IsNumber(args[1]))
        {
            throw new ExpressionException("formatNumber second argument must be a number");
        }

        CheckLocale(args.Count == 3 ? args[2] : null);
        var precision = (int)(double)args[1]!;
        return JsNumber.FormatFixedGrouped(JsNumber.RoundToPrecision((double)args[0]!, precision), precision);
    }

    private static int Precision(double value)
    {
        var text = JsNumber.ToString(value);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    private static void CheckLocale(object? locale)
    {
        if (locale is string s && !s.StartsWith("vi", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(s, "en-US", StringComparison.OrdinalIgnoreCase) && !string.Equals(s, "en", StringComparison.OrdinalIgnoreCase))
        {
            throw new ExpressionException("locale " + s + " is not supported; use vi, vi-VN or en-US");
        }
    }
}
