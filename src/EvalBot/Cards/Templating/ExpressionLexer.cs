using System.Text;

namespace EvalBot.Cards.Templating;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Symbol,
    End,
}

/// <summary>A token; <see cref="Value"/> holds a string literal's unescaped text.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Start, int End, string? Value = null);

/// <summary>Splits an expression into tokens with the adaptive-expressions lexical rules (identifiers, quotes, escapes).</summary>
internal static class ExpressionLexer
{
    private static readonly string[] Symbols = ["==", "!=", "<>", "<=", ">=", "&&", "||", "<", ">", "!", "-", "(", ")", "[", "]", ".", ","];
    private static readonly string[] Unsupported = ["??", "=>", "+", "*", "/", "%", "^", "&", "?", ":", "{", "}", "="];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\ufeff' or '\u00a0')
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '#' or '@' or '$' or '%')
            {
                var start = i++;
                if (c == '@' && i < text.Length && text[i] == '@')
                {
                    i++;
                }

                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start, i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) is { } symbol
                     && !Unsupported.Any(u => u.Length > symbol.Length && string.CompareOrdinal(text, i, u, 0, u.Length) == 0))
            {
                tokens.Add(new Token(TokenKind.Symbol, symbol, i, i + symbol.Length));
                i += symbol.Length;
            }
            else
            {
                throw new CardTemplateException($"Expression '{text}': '{c}' is not supported by EvalBot's templating subset");
            }
        }

        tokens.Add(new Token(TokenKind.End, "end of expression", text.Length, text.Length));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return new Token(TokenKind.Number, text[start..i], start, i);
    }

    private static Token ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        var raw = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new CardTemplateException($"Expression '{text}': unterminated string");
            }

            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\'))
            {
                raw.Append(text, i, 2);
                i += 2;
            }
            else if (text[i] == quote)
            {
                i++;
                break;
            }
            else
            {
                raw.Append(text[i++]);
            }
        }

        var unquoted = raw.ToString().Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
        return new Token(TokenKind.String, text[start..i], start, i, Unescape(unquoted));
    }

    /// <summary>\r \n \t and \\ become characters; any other backslash sequence stays as written.</summary>
    private static string Unescape(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is not ('\r' or '\n'))
            {
                var next = text[++i];
                result.Append(next switch { 'r' => "\r", 'n' => "\n", 't' => "\t", '\\' => "\\", _ => "\\" + next });
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
