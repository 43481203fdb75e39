namespace EvalBot.Core;

/// <summary>Configuration section <c>CheckIns</c>: the self-assessment criteria and the report checks.</summary>
public sealed class CheckInOptions
{
    public const string Section = "CheckIns";

    /// <summary>
    /// The general criteria people self-assess, each a share of the rule-set's general maximum (30 points under ND335:
    /// political qualities and discipline; competence and responsibility; innovation and daring, Decree 335 Art. 12).
    /// </summary>
    public List<GeneralCriterion> GeneralCriteria { get; set; } =
    [
        new() { Id = "politics", NameVi = "Phẩm chất chính trị, đạo đức, văn hóa công vụ, kỷ luật", NameEn = "Political and moral qualities, public-service culture, discipline", Weight = 1 },
        new() { Id = "competence", NameVi = "Năng lực, trách nhiệm, thái độ phục vụ, phối hợp", NameEn = "Competence, responsibility, attitude to citizens, cooperation", Weight = 1 },
        new() { Id = "innovation", NameVi = "Đổi mới, sáng tạo, dám nghĩ, dám làm", NameEn = "Innovation, daring to think and act", Weight = 1 },
    ];

    /// <summary>Require an evidence link or reference for every product with output, on submit.</summary>
    public bool RequireEvidence { get; set; } = true;

    /// <summary>A reported quantity above this multiple of the assigned quantity is taken for a typing error.</summary>
    public decimal MaxDoneMultiple { get; set; } = 10m;

    public int MaxTextLength { get; set; } = 2000;
}

public sealed class GeneralCriterion
{
    public string Id { get; set; } = "";
    public string NameVi { get; set; } = "";
    public string NameEn { get; set; } = "";
    public decimal Weight { get; set; } = 1m;

    /// <summary>What earns the points, in Vietnamese (a score sheet's criterion carries it; the default criteria may leave it empty).</summary>
    public string? DescriptionVi { get; set; }

    /// <summary>What earns the points, in English.</summary>
    public string? DescriptionEn { get; set; }
}
