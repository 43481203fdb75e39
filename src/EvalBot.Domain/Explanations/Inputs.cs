namespace EvalBot.Domain.Explanations;

/// <summary>Short builders for <see cref="RuleInput"/> lists.</summary>
public static class Inputs
{
    /// <summary>
    /// An input with a decimal value, written without trailing zeros: the same value reads back with its column's scale
    /// (10.0 from SQLite, 10.0000 from PostgreSQL), and an explanation must not depend on the store.
    /// </summary>
    public static RuleInput Of(string name, decimal value) => new(name, Fmt.Raw(value / 1.0000000000000000000000000000m));

    /// <summary>An input with an integer value.</summary>
    public static RuleInput Of(string name, int value) => new(name, Fmt.Raw(value));

    /// <summary>An input with a text value.</summary>
    public static RuleInput Of(string name, string? value) => new(name, value ?? "");

    /// <summary>An input with a boolean value.</summary>
    public static RuleInput Of(string name, bool value) => new(name, value ? "true" : "false");
}
