namespace EvalBot.Cards.Templating;

/// <summary>A parsed expression; <see cref="Source"/> is its text, used when a failed part is left as <c>${…}</c>.</summary>
internal abstract record Expr(string Source);

/// <summary>A literal: string, double, bool or null.</summary>
internal sealed record ConstantExpr(object? Value, string Source) : Expr(Source);

/// <summary><c>name</c> or <c>instance.name</c>.</summary>
internal sealed record AccessorExpr(string Name, Expr? Instance, string Source) : Expr(Source);

/// <summary><c>instance[index]</c>.</summary>
internal sealed record ElementExpr(Expr Instance, Expr Index, string Source) : Expr(Source);

/// <summary>A function call; operators are calls too (<c>a == b</c> is <c>equals(a, b)</c>).</summary>
internal sealed record CallExpr(string Function, IReadOnlyList<Expr> Args, string Source) : Expr(Source);
