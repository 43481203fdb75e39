namespace EvalBot.Persistence.Entities;

/// <summary>
/// One criterion of a score sheet (biểu điểm), a row per criterion: the sheet is attached to a post, a group of similar
/// posts or an agency (exactly one of <see cref="PostId"/>, <see cref="TaskGroupId"/>, <see cref="UnitId"/>), and the
/// most specific sheet of a person is the one their check-ins and compile use.
/// </summary>
public sealed class ScoreSheetCriterion
{
    public long Id { get; set; }
    public required string SheetExternalId { get; set; }
    public required string CriterionId { get; set; }

    /// <summary>The criterion's place in the sheet, as imported.</summary>
    public int Position { get; set; }
    public long? PostId { get; set; }
    public long? TaskGroupId { get; set; }

    /// <summary>The agency (a unit marked as agency) for an agency-wide default sheet.</summary>
    public long? UnitId { get; set; }
    public required string NameVi { get; set; }
    public required string NameEn { get; set; }

    /// <summary><c>general</c> or <c>task</c> (<see cref="ScoreSheetGroups"/>).</summary>
    public required string Group { get; set; }
    public decimal Max { get; set; }

    /// <summary><c>unit_results</c> or <c>organisation</c> for a leader's criterion of Decree 335 Art. 15–16; null otherwise.</summary>
    public string? LeaderComponent { get; set; }
    public string? DescriptionVi { get; set; }
    public string? DescriptionEn { get; set; }
}

/// <summary>The stored values of <see cref="ScoreSheetCriterion.Group"/> and <see cref="ScoreSheetCriterion.LeaderComponent"/>.</summary>
public static class ScoreSheetGroups
{
    public const string General = "general";
    public const string Task = "task";
    public const string UnitResults = "unit_results";
    public const string Organisation = "organisation";
}
