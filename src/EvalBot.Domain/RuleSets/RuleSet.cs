namespace EvalBot.Domain.RuleSets;

/// <summary>
/// One versioned legal rule-set as data: every threshold, weight, band, operator and quota setting lives here,
/// so a change of law or a province's score sheet is a configuration change, not a code change.
/// </summary>
/// <param name="Id">ND335, ND90_48, QD366, or an overlay id.</param>
/// <param name="Version">Version of this configuration; stored with every result.</param>
/// <param name="Track">State or Party rating.</param>
/// <param name="Jurisdiction">Null for national rules; a province code for a local overlay.</param>
/// <param name="LegalBasis">The legal texts, for explanations.</param>
/// <param name="AppliesTo">Populations and years covered.</param>
/// <param name="Scale">Point scale.</param>
/// <param name="Bands">Score bands, best level first; below the last band is KHT.</param>
/// <param name="PeriodScoring">Period task score settings.</param>
/// <param name="RollUp">Annual roll-up settings.</param>
/// <param name="TaskConditions">Qualitative task conditions, or null when the score alone decides.</param>
/// <param name="Leader">Leader rules.</param>
/// <param name="Overrides">Forcing and capping grounds.</param>
/// <param name="TimeInYear">Time-in-year rules.</param>
/// <param name="Quota">HTXS quota.</param>
/// <param name="BasedOn">For an overlay: the rule-set it modifies.</param>
/// <param name="Collective">The level conditions of a collective's annual report (QD366), or null when the rule-set rates no collectives.</param>
/// <param name="Procedure">The steps of the state track's annual review (rule 23), or null when the rule-set has no such procedure (QD366).</param>
public sealed record RuleSet(
    string Id,
    string Version,
    Track Track,
    string? Jurisdiction,
    string LegalBasis,
    IReadOnlyList<Applicability> AppliesTo,
    ScaleSettings Scale,
    IReadOnlyList<Band> Bands,
    PeriodScoringSettings PeriodScoring,
    RollUpSettings RollUp,
    TaskConditions? TaskConditions,
    LeaderSettings Leader,
    OverrideSettings Overrides,
    TimeInYearSettings TimeInYear,
    QuotaSettings Quota,
    string? BasedOn = null,
    CollectiveConditions? Collective = null,
    ProcedureSettings? Procedure = null)
{
    /// <summary>"ND335 v2026.1": the id and version stored with each result, for logs and exports, not for cards.</summary>
    public string Label => $"{Id} v{Version}";

    /// <summary>
    /// The legal title a person reads on a card: the first text of <see cref="LegalBasis"/> ("Nghị định 335/2025/NĐ-CP"),
    /// its kind in English for an English reader ("Decree 335/2025/NĐ-CP"); the <see cref="Label"/> when no basis is given.
    /// </summary>
    public string LegalTitle(bool english) => LegalTitleOf(LegalBasis, english) ?? Label;

    /// <summary>The first text of a legal basis, as <see cref="LegalTitle"/> shows it; null when the basis is empty.</summary>
    public static string? LegalTitleOf(string? legalBasis, bool english)
    {
        var first = legalBasis?.Split(';')[0].Trim();
        if (string.IsNullOrEmpty(first)) return null;
        if (!english) return first;
        foreach (var (vi, en) in EnglishWords)
        {
            first = first.Replace(vi, en, StringComparison.Ordinal);
        }

        return first;
    }

    /// <summary>The words of a legal title an English reader needs translated; the numbers and symbols stay as issued.</summary>
    private static readonly (string Vi, string En)[] EnglishWords =
    [
        (", sửa đổi bởi ", ", as amended by "), ("Nghị định ", "Decree "), ("Quy định ", "Regulation "), ("Quyết định ", "Decision "),
        ("Hướng dẫn ", "Guidance "), ("Luật ", "Law "), ("Thông tư ", "Circular "), (" của UBND thành phố ", " of the People's Committee of "),
    ];
}
