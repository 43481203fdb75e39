using EvalBot.Domain.RuleSets;
using EvalBot.Domain.Tests.Support;

namespace EvalBot.Domain.Tests.RuleSets;

public sealed class RuleSetLegalTitleTests
{
    [Theory]
    [InlineData("ND335", "Nghị định 335/2025/NĐ-CP", "Decree 335/2025/NĐ-CP")]
    [InlineData("ND90_48", "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP", "Decree 90/2020/NĐ-CP, as amended by Decree 48/2023/NĐ-CP")]
    [InlineData("QD366", "Quy định 366-QĐ/TW", "Regulation 366-QĐ/TW")]
    public void Each_rule_set_is_shown_by_its_legal_title(string id, string vi, string en)
    {
        var ruleSet = Make.ById(id);

        Assert.Equal(vi, ruleSet.LegalTitle(english: false));
        Assert.Equal(en, ruleSet.LegalTitle(english: true));
    }

    [Fact]
    public void A_rule_set_without_a_legal_basis_falls_back_to_its_label() =>
        Assert.Equal(Make.Nd335.Label, (Make.Nd335 with { LegalBasis = "" }).LegalTitle(english: false));
}
