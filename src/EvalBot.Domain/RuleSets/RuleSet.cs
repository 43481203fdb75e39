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
    string? BasedOn = null)
{
    /// <summary>"ND335 v2026.1", as shown in explanations.</summary>
    public string Label => $"{Id} v{Version}";
}
