namespace EvalBot.Cards.Templating;

/// <summary>A parsed expression; <see cref="Source"/> is its text, used when a failed part is left as <c>${…}</c>.</summary>
internal abstract record Expr(string Source);

/// <summary>A literal: string, double, bool or null.</summary>
internal sealed record ConstantExpr(object? Value, string Source) : Expr(Source);

/// <summary><c>name</c> or <c>instance.name</c>.</summary>
internal sealed record AccessorExpr(string Name, Expr? Instance, string Source) : Expr(Source)
{
    /// <summary>
    /// For a chain of plain accessors (<c>a.b.c</c>), its dotted path and the expression it starts from (null: the
    /// scope), known once when parsed; a null path when an index is in the chain (the path depends on its value).
    /// </summary>
    public (string? Path, Expr? Start) Chain { get; } = ChainOf(Name, Instance);

    private static (string? Path, Expr? Start) ChainOf(string name, Expr? instance)
    {
        var path = name;
        var left = instance;
        while (left is AccessorExpr a)
        {
            path = a.Name + "." + path;
            left = a.Instance;
        }

        return left is ElementExpr ? (null, null) : (path, left);
    }
}

/// <summary><c>instance[index]</c>.</summary>
internal sealed record ElementExpr(Expr Instance, Expr Index, string Source) : Expr(Source);

/// <summary>A function call; operators are calls too (<c>a == b</c> is <c>equals(a, b)</c>).</summary>
internal sealed record CallExpr(string Function, IReadOnlyList<Expr> Args, string Source) : Expr(Source);
