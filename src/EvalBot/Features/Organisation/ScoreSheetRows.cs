using EvalBot.Persistence.Entities;

namespace EvalBot.Features.Organisation;

/// <summary>
/// One criterion of a score sheet (biểu điểm): the sheet it belongs to, what the sheet is attached to (<c>post</c>,
/// <c>group</c>, <c>agency</c> and that row's id), the criterion's names, group, maximum, leader component and what earns
/// the points.
/// </summary>
public sealed record ScoreSheetRow(
    RowLocation At, string Sheet, string AppliesTo, string Scope, string Criterion, string NameVi, string NameEn, string Group, decimal Max,
    string? Leader, string? DescriptionVi, string? DescriptionEn)
{
    /// <summary>The row's key within the file: a criterion id repeats across sheets, not within one.</summary>
    public string Key => $"{Sheet}/{Criterion}";
}

/// <summary>Parses a score-sheet row.</summary>
public static class ScoreSheetRowParser
{
    public static ScoreSheetRow Parse(RowReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var nameVi = r.Required("name_vi");
        var leader = r.Choice("leader_component", Vocabulary.LeaderComponents, "").Value;
        var group = r.RequiredChoice("group", Vocabulary.CriterionGroups, ScoreSheetGroups.General);
        if (leader is { Length: > 0 } && group != ScoreSheetGroups.Task)
        {
            r.Fail("leader_component", "Tiêu chí của lãnh đạo (Điều 15–16 Nghị định 335) thuộc nhóm kết quả thực hiện nhiệm vụ.",
                "A leader's criterion (Decree 335 Art. 15–16) belongs to the task group.");
        }

        return new(r.At, r.Required("sheet_id"), r.RequiredChoice("applies_to", Vocabulary.SheetScopes, "post"), r.Required("scope_id"),
            r.Required("criterion_id"), nameVi, r.Text("name_en").Value ?? nameVi, group, r.Number("max_points"),
            leader is { Length: > 0 } ? leader : null, r.Text("description_vi").Value, r.Text("description_en").Value);
    }
}
