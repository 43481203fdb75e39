using System.Globalization;
using System.Text;

namespace EvalBot.Cards.Templating;

/// <summary>
/// Parses the adaptive-expressions subset EvalBot's cards use. Precedence follows the adaptive-expressions
/// grammar: unary <c>! -</c>, then <c>== != &lt;&gt;</c>, then <c>&lt; &lt;= &gt; &gt;=</c>, then <c>&amp;&amp;</c>, then <c>||</c>.
/// Anything outside the subset (other operators, unknown functions, wrong arity) fails at load time.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly List<Token> _tokens;
    private readonly string _text;
    private int _position;

    private ExpressionParser(string text)
    {
        _text = text;
        _tokens = ExpressionLexer.Tokenize(text);
    }

    public static Expr Parse(string text)
    {
        var parser = new ExpressionParser(text);
        var expr = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Error("unexpected '" + parser.Peek.Text + "'");
        }

        return expr;
    }

    private Token Peek => _tokens[_position];

    private Expr ParseOr() => ParseBinary(ParseAnd, ("||", "or"));

    private Expr ParseAnd() => ParseBinary(ParseRelational, ("&&", "and"));

    private Expr ParseRelational() => ParseBinary(ParseEquality, ("<=", "lessOrEquals"), (">=", "greaterOrEquals"), ("<", "less"), (">", "greater"));

    private Expr ParseEquality() => ParseBinary(ParseUnary, ("==", "equals"), ("!=", "notEquals"), ("<>", "notEquals"));

    private Expr ParseBinary(Func<Expr> operand, params (string Symbol, string Function)[] operators)
    {
        var start = Peek.Start;
        var left = operand();
        while (Peek.Kind == TokenKind.Symbol && operators.FirstOrDefault(o => o.Symbol == Peek.Text) is { Function: not null } op)
        {
            _position++;
            var right = operand();
            left = new CallExpr(op.Function, [left, right], SourceFrom(start));
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var start = Peek.Start;
        if (Accept("!"))
        {
            return new CallExpr("not", [ParseUnary()], SourceFrom(start));
        }

        if (Accept("-"))
        {
            return new CallExpr("negate", [ParseUnary()], SourceFrom(start));
        }

        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var start = Peek.Start;
        var expr = ParsePrimary();
        while (true)
        {
            if (Accept("."))
            {
                var name = Expect(TokenKind.Identifier);
                expr = new AccessorExpr(name.Text, expr, SourceFrom(start));
            }
            else if (Accept("["))
            {
                var index = ParseOr();
                ExpectSymbol("]");
                expr = new ElementExpr(expr, index, SourceFrom(start));
            }
            else if (Peek.Text == "(" && Peek.Kind == TokenKind.Symbol)
            {
                if (expr is not AccessorExpr { Instance: null } function)
                {
                    throw Error("only named functions can be called");
                }

                _position++;
                var args = new List<Expr>();
                if (!Accept(")"))
                {
                    do
                    {
                        args.Add(ParseOr());
                    }
                    while (Accept(","));
                    ExpectSymbol(")");
                }

                ExpressionFunctions.Validate(function.Name, args.Count);
                expr = new CallExpr(ExpressionFunctions.Canonical(function.Name), args, SourceFrom(start));
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Peek;
        _position++;
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new ConstantExpr(double.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), token.Text);
            case TokenKind.String:
                return new ConstantExpr(token.Value, token.Text);
            case TokenKind.Identifier:
                return token.Text switch
                {
                    "true" => new ConstantExpr(true, token.Text),
                    "false" => new ConstantExpr(false, token.Text),
                    "null" => new ConstantExpr(null, token.Text),
                    "undefined" => new ConstantExpr(JsValue.Undefined, token.Text),
                    _ => new AccessorExpr(token.Text, null, token.Text),
                };
            case TokenKind.Symbol when token.Text == "(":
                var inner = ParseOr();
                ExpectSymbol(")");
                return inner;
            default:
                throw Error("unexpected '" + token.Text + "'");
        }
    }

    private bool Accept(string symbol)
    {
        if (Peek.Kind == TokenKind.Symbol && Peek.Text == symbol)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!Accept(symbol))
        {
            throw Error("expected '" + symbol + "'");
        }
    }

    private Token Expect(TokenKind kind)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw Error("expected " + kind);
        }

        _position++;
        return token;
    }

    private string SourceFrom(int start) => _text[start.._tokens[_position - 1].End].Trim();

    private CardTemplateException Error(string message) =>
        new(new StringBuilder("Expression '").Append(_text).Append("': ").Append(message).ToString());
}
