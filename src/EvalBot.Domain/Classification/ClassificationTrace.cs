using EvalBot.Domain.Explanations;
using EvalBot.Domain.Records;
using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Classification;

/// <summary>
/// The working state of one classification: the level sources, caps, forcing grounds and open questions,
/// plus the explanations in order. Local to one call, never shared.
/// </summary>
internal sealed class ClassificationTrace(RuleSet ruleSet)
{
    private readonly List<RuleApplication> _applications = [];
    private readonly List<RuleApplication> _prerequisites = [];
    private readonly List<CountedViolation> _counted = [];
    private readonly List<RuleApplication> _undecidedNotes = [];
    private Level? _level;
    private bool _forced;
    private bool _undecided;
    private bool _notRated;

    public RuleSet RuleSet { get; } = ruleSet;

    public decimal? Score { get; set; }

    public void Add(RuleApplication a) => _applications.Add(a);

    public void AddRange(IEnumerable<RuleApplication> a) => _applications.AddRange(a);

    /// <summary>A band, a condition or a cap: the level can only go down.</summary>
    public void Limit(Level level, RuleApplication why)
    {
        _level = _level is null ? level : Levels.Worse(_level.Value, level);
        Add(why);
    }

    /// <summary>A KHT ground: decides the case even if other rules could not.</summary>
    public void Force(RuleApplication why)
    {
        _forced = true;
        Add(why);
    }

    public void Undecided(RuleApplication why)
    {
        _undecided = true;
        _undecidedNotes.Add(why);
        Add(why);
    }

    public void NotRated(RuleApplication why)
    {
        _notRated = true;
        Add(why);
    }

    public void Prerequisite(RuleApplication why)
    {
        _prerequisites.Add(why);
        Add(why);
    }

    public void Counted(CountedViolation v) => _counted.Add(v);

    public bool IsNotRated => _notRated;

    public IReadOnlyList<RuleApplication> Applications => _applications;

    public ClassificationResult Build()
    {
        var status = _notRated ? ClassificationStatus.NotRated
            : _forced ? ClassificationStatus.Rated
            : _undecided || _level is null ? ClassificationStatus.NeedsAuthorityDecision
            : ClassificationStatus.Rated;
        Level? level = status != ClassificationStatus.Rated ? null : _forced ? Level.NotComplete : _level;
        if (status == ClassificationStatus.NeedsAuthorityDecision && _level is null && !_undecided)
        {
            Add(new RuleApplication("R00.no-level", RuleSet.Id, [], RuleEffect.NeedsAuthorityDecision, null,
                "Không có quy tắc nào xác định được mức xếp loại; cần cấp có thẩm quyền quyết định.",
                "No rule produced a level; the competent authority must decide."));
        }

        // A KHT ground decides the case, so "the rules cannot decide" notes are moot and would mislead an appeal. Flags
        // that are not about the level (a period left out for lack of quantified products, rule 6) still stand.
        var applications = _forced ? _applications.Where(a => !_undecidedNotes.Contains(a)) : _applications;
        return new ClassificationResult(status, level, Score, RuleSet.Id, RuleSet.Version, [.. applications])
        {
            HighestAllowedLevel = status == ClassificationStatus.NeedsAuthorityDecision ? _level : null,
            MissingPrerequisites = [.. _prerequisites],
            CountedViolations = [.. _counted],
        };
    }
}
