namespace EvalBot.Domain.Explanations;

/// <summary>Short builders for <see cref="RuleInput"/> lists.</summary>
public static class Inputs
{
    /// <summary>An input with a decimal value.</summary>
    public static RuleInput Of(string name, decimal value) => new(name, Fmt.Raw(value));

    /// <summary>An input with an integer value.</summary>
    public static RuleInput Of(string name, int value) => new(name, Fmt.Raw(value));

    /// <summary>An input with a text value.</summary>
    public static RuleInput Of(string name, string? value) => new(name, value ?? "");

    /// <summary>An input with a boolean value.</summary>
    public static RuleInput Of(string name, bool value) => new(name, value ? "true" : "false");
}
