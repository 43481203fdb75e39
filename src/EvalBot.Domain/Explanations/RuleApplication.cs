namespace EvalBot.Domain.Explanations;

/// <summary>A named input a rule read, as invariant text.</summary>
/// <param name="Name">Input name.</param>
/// <param name="Value">Its value.</param>
public sealed record RuleInput(string Name, string Value);

/// <summary>
/// One rule applied to one result: which rule (number from domain-rules §10 and the legal article), what it read,
/// what it did, and the sentence shown to the person in Vietnamese and English.
/// </summary>
/// <param name="RuleId">Rule number and short name, e.g. "R07.bands".</param>
/// <param name="Source">Rule-set and article, e.g. "ND335 Điều 20".</param>
/// <param name="Inputs">What the rule read.</param>
/// <param name="Effect">What it did.</param>
/// <param name="Level">The level it gave, capped or forced, if any.</param>
/// <param name="TextVi">Explanation in Vietnamese.</param>
/// <param name="TextEn">Explanation in English.</param>
public sealed record RuleApplication(
    string RuleId,
    string Source,
    IReadOnlyList<RuleInput> Inputs,
    RuleEffect Effect,
    Level? Level,
    string TextVi,
    string TextEn)
{
    /// <summary>A one-line canonical form, used to compare explanations and in logs.</summary>
    public string Canonical =>
        $"{RuleId}|{Source}|{string.Join(";", Inputs.Select(i => i.Name + "=" + i.Value))}|{Effect}|{Level}|{TextVi}|{TextEn}";
}
