using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Sheets;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.Sheets;

public class ScoreSheetRulesTests
{
    private static readonly ScaleSettings HaiPhong = new(UsesPoints: true, GeneralMax: 20m, TaskMax: 80m, TotalMax: 100m);

    // A sheet is written "g:10,10,10|t:70" (general and task maxima), "u" and "o" marking the leader components on task items.
    public static TheoryData<string, string, string, bool, string[]> Sheets => new()
    {
        { "a staff sheet adding up to 30/70 under ND335", "ND335", "g:10,10,10|t:70", false, [] },
        { "a general part of 25 under ND335 is refused with its sum", "ND335", "g:10,10,5|t:70", false, ["25", "30"] },
        { "a task part of 75 under ND335 is refused with its sum", "ND335", "g:10,10,10|t:75", false, ["75", "70"] },
        { "the Hải Phòng overlay's 20/80 is accepted there", "HP", "g:5,5,5,5|t:80", false, [] },
        { "a 30/70 sheet is refused under the Hải Phòng overlay", "HP", "g:10,10,10|t:70", false, ["30", "20"] },
        { "a leader sheet with the unit results and the organisation", "ND335", "g:10,10,10|t:40,15u,15o", true, [] },
        { "a leader sheet without the unit results is refused", "ND335", "g:10,10,10|t:55,15o", true, ["đơn vị"] },
        { "a leader sheet without the organisation is refused", "ND335", "g:10,10,10|t:55,15u", true, ["tổ chức thực hiện"] },
        { "a staff sheet needs no leader criteria", "ND335", "g:30|t:70", false, [] },
        { "a criterion worth nothing is refused", "ND335", "g:30,0|t:70", false, ["g2"] },
    };

    [Theory]
    [MemberData(nameof(Sheets))]
    public void Rule04_a_score_sheet_adds_up_to_the_rule_set_scale_and_a_leader_sheet_carries_the_leader_criteria(
        string because, string ruleSet, string sheet, bool leader, string[] mentioned)
    {
        var scale = ruleSet == "HP" ? HaiPhong : Make.Nd335.Scale;

        var problems = ScoreSheetRules.Check(Parse(sheet), scale, leader);

        Assert.True(mentioned.Length == 0 ? problems.Count == 0 : problems.Count > 0, because);
        foreach (var word in mentioned) Assert.Contains(problems, p => p.Vi.Contains(word, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.En)));
    }

    private static List<SheetCriterion> Parse(string sheet) =>
    [
        .. sheet.Split('|').SelectMany(part =>
        {
            var group = part[0] == 'g' ? CriterionGroup.General : CriterionGroup.Task;
            return part[2..].Split(',').Select((item, i) =>
            {
                var leader = item[^1] switch { 'u' => LeaderComponent.UnitResults, 'o' => (LeaderComponent?)LeaderComponent.Organisation, _ => null };
                var max = decimal.Parse(leader is null ? item : item[..^1], System.Globalization.CultureInfo.InvariantCulture);
                return new SheetCriterion($"{part[0]}{i + 1}", group, max, leader);
            });
        }),
    ];
}
