namespace EvalBot.Cards.Templating;

/// <summary>The functions EvalBot's templating supports, with the arity adaptive-expressions enforces.</summary>
internal static class ExpressionFunctions
{
    private static readonly Dictionary<string, (string Canonical, int Min, int Max)> Known = new(StringComparer.Ordinal)
    {
        ["if"] = ("if", 3, 3),
        ["count"] = ("count", 1, 1),
        ["empty"] = ("empty", 1, 1),
        ["not"] = ("not", 1, 1),
        ["concat"] = ("concat", 1, int.MaxValue),
        ["formatNumber"] = ("formatNumber", 2, 3),
        ["string"] = ("string", 1, 2),
        ["length"] = ("length", 1, 1),
        ["and"] = ("and", 1, int.MaxValue),
        ["or"] = ("or", 1, int.MaxValue),
        ["equals"] = ("equals", 2, 2),
        ["greater"] = ("greater", 2, 2),
    };

    public static void Validate(string name, int arity)
    {
        if (!Known.TryGetValue(name, out var f))
        {
            throw new CardTemplateException($"Function '{name}' is not supported by EvalBot's templating subset");
        }

        if (arity < f.Min || arity > f.Max)
        {
            throw new CardTemplateException($"Function '{name}' takes {f.Min}..{(f.Max == int.MaxValue ? "n" : f.Max)} arguments, not {arity}");
        }
    }

    public static string Canonical(string name) => Known[name].Canonical;
}
