using System.Text;

namespace EvalBot.Cards.Templating;

/// <summary>
/// Splits a template string into text and <c>${…}</c> bindings with the adaptive-expressions interpolation rules:
/// <c>\$</c> and <c>\`</c> are escapes, other backslashes are text; a binding ends at the first <c>}</c> outside quotes;
/// an unterminated <c>${</c> is text; a string without <c>${</c> is never touched.
/// </summary>
internal static class TemplateString
{
    public static TemplateNode Prepare(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new LiteralNode(text);
        }

        var parts = new List<Expr> { new ConstantExpr(string.Empty, string.Empty) };
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                throw new CardTemplateException($"A backtick cannot appear in a string with bindings: '{text}'");
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`')
            {
                Flush(parts, literal);
                parts.Add(new ConstantExpr(text[i + 1].ToString(), text[i + 1].ToString()));
                i += 2;
            }
            else if (c == '$' && TryReadBinding(text, i, out var end))
            {
                Flush(parts, literal);
                var source = text[(i + 2)..end].Trim();
                parts.Add(ExpressionParser.Parse(source) with { Source = source });
                i = end + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        Flush(parts, literal);
        return parts.Count == 2 && parts[1] is not ConstantExpr ? new BindingNode(parts[1]) : new InterpolationNode(parts);
    }

    private static void Flush(List<Expr> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new ConstantExpr(literal.ToString(), literal.ToString()));
            literal.Clear();
        }
    }

    /// <summary>Finds the closing brace of <c>${…}</c>: quotes may hold anything, a newline, backtick or brace ends the attempt.</summary>
    private static bool TryReadBinding(string text, int start, out int end)
    {
        end = -1;
        if (start + 1 >= text.Length || text[start + 1] != '{')
        {
            return false;
        }

        var i = start + 2;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}')
            {
                end = i;
                return i > start + 2;
            }

            if (c is '\'' or '"')
            {
                var close = FindStringEnd(text, i);
                if (close < 0)
                {
                    return false;
                }

                i = close + 1;
            }
            else if (c is '{')
            {
                throw new CardTemplateException($"Object literals inside bindings are not supported: '{text}'");
            }
            else if (c is '\r' or '\n' or '`')
            {
                return false;
            }
            else
            {
                i++;
            }
        }

        return false;
    }

    private static int FindStringEnd(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\'))
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }
}
